"""Performance tooling: budgets, a gzip static server, the benchmark and the Lighthouse audit.

Nothing here is imported by the site build; `make bench`, `make audit` and the budget tests use it.
"""
