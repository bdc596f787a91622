"""The content model: line features, trained trees that score them, and a pass over the sequence."""
