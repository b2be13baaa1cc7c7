"""Qt item models over immutable domain rows."""
