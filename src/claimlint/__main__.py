"""python -m claimlint"""

from claimlint.cli import run

if __name__ == "__main__":
    run()
