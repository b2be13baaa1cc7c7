"""Local storage: SQLite through SQLAlchemy 2, migrated by Alembic.

`db.Database` owns the engine and runs one function per transaction; `executor.DbExecutor`
moves those calls off the Qt thread; `repositories.OrderRepository` maps orders and payment
attempts to and from the domain. Nothing here imports Qt, and no secret is ever stored.
"""
