"""Which backups go: automatic ones thinned to so many days, weeks and months (the way Anki
thins its own), and the last so many of those made before an import, upgrade or restore."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from filmdesk.core.backups.naming import Backup, Reason


@dataclass(frozen=True)
class Limits:
    """How many backups are kept."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 6
    before_changes: int = 10  # made before an import, an upgrade or a restore


LIMITS = Limits()


def _day(moment: datetime) -> int:
    return moment.toordinal()


def _week(moment: datetime) -> int:
    return (moment.toordinal() - 1) // 7  # weeks start on Monday (day 1 was a Monday)


def _month(moment: datetime) -> int:
    return moment.year * 12 + moment.month


def obsolete(backups: Iterable[Backup], now: datetime, limits: Limits = LIMITS) -> list[Backup]:
    """The backups to remove, of one catalog's, at ``now``.

    Automatic backups: today's and yesterday's stay; then the newest of each earlier day,
    until ``daily`` days are kept; then of each week, then of each month; the rest go. Days,
    weeks and months are this computer's. Of the backups made before a change, the newest
    ``before_changes`` stay. A damaged catalog kept when a backup was restored is not a
    backup and never goes by itself.
    """
    automatic = sorted(
        (b for b in backups if b.reason is Reason.AUTOMATIC), key=lambda b: b.made, reverse=True
    )
    others = sorted(
        (b for b in backups if b.reason not in (Reason.AUTOMATIC, Reason.DAMAGED)),
        key=lambda b: b.made,
        reverse=True,
    )
    gone = others[limits.before_changes :]
    yesterday = _day(now.astimezone()) - 1
    left = {"daily": limits.daily, "weekly": limits.weekly, "monthly": limits.monthly}
    last_day = last_week = last_month = None
    for backup in automatic:
        moment = backup.local_time
        day, week, month = _day(moment), _week(moment), _month(moment)
        if day >= yesterday:
            keep = True
        elif left["daily"] > 0:
            keep = day != last_day
            left["daily"] -= keep
        elif left["weekly"] > 0:
            keep = week != last_week
            left["weekly"] -= keep
        elif left["monthly"] > 0:
            keep = month != last_month
            left["monthly"] -= keep
        else:
            keep = False
        if keep:
            last_day, last_week, last_month = day, week, month
        else:
            gone.append(backup)
    return gone
