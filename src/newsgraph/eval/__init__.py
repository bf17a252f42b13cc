"""`newsgraph eval`: accuracy on public benchmarks, agreeing with the reference scorers."""
