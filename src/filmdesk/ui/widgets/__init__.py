"""Small widgets and helpers shared by several panels (stars, film drags)."""
