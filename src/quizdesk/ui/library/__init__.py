"""The library: topic tree, question list and answer pane."""
