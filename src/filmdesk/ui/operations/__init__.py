"""Every change a user asks for: ask or confirm, name the step, push it on the undo stack."""
