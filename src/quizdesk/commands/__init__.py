"""One module per CLI subcommand, each exposing ``add_parser(subparsers)``."""
