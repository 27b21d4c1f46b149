"""Measure the pipeline against gold attributions with the figures of DESIGN.md."""

from saidwhat.evaluate.run import Run, calibration, evaluate, load_gold, prediction, run_pipeline
from saidwhat.evaluate.score import score_all

__all__ = ["Run", "calibration", "evaluate", "load_gold", "prediction", "run_pipeline", "score_all"]
