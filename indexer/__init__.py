"""Report Search library: extraction, metadata, index writing and search.

Data flows one way: corpus -> extract -> Report -> index -> search -> typed results.
Nothing here imports Flask or click.
"""

__version__ = "0.1.0"
