"""The workflow around the engine: configuration, cache, parallel runs, baselines and --fix."""
