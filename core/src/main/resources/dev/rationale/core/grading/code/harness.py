# SPDX-License-Identifier: Apache-2.0
# Rationale's test harness: loads solution.py, then runs each top-level statement of tests.py on its own, so that
# one failing assert does not hide the others. It reports on a private copy of standard output, one JSON object a
# line; the program's own prints go to standard error, where the runner keeps them as the run's output.
import ast
import json
import os
import sys

SOLUTION = "solution.py"
TESTS = "tests.py"
# A test is a statement that checks something; imports, definitions and assignments only prepare the tests.
CHECKS = (ast.Assert, ast.Expr)
MAX_TEXT = 300


def cut(text):
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."


def describe(error):
    message = str(error)
    return type(error).__name__ + (": " + message if message else "")


class Report:
    def __init__(self, stream):
        self.stream = stream

    def send(self, **event):
        self.stream.write(json.dumps(event, ensure_ascii=True) + "\n")
        self.stream.flush()


def private_report():
    # The report keeps the real standard output; the program's prints, even from C, go to standard error.
    stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return Report(stream)


def read(name):
    with open(name, encoding="utf-8") as file:
        return file.read()


def failed_equality(statement, namespace):
    # For "assert got == expected", say what the code returned; any other assert is named by its source alone.
    test = statement.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return None
    try:
        got = eval(compile(ast.Expression(test.left), TESTS, "eval"), namespace)
        return "got " + repr(got)
    except BaseException as error:  # noqa: BLE001 - whatever the code raises is the test's result
        return describe(error)


def run_statement(statement, namespace):
    module = ast.Module(body=[statement], type_ignores=[])
    exec(compile(module, TESTS, "exec"), namespace)


def run_test(report, statement, source, namespace):
    text = cut(ast.get_source_segment(source, statement) or "")
    try:
        run_statement(statement, namespace)
        report.send(event="test", line=statement.lineno, source=text, passed=True)
    except AssertionError as error:
        why = str(error) or (failed_equality(statement, namespace) if isinstance(statement, ast.Assert) else None)
        report.send(event="test", line=statement.lineno, source=text, passed=False,
                    error=cut("AssertionError" + (": " + why if why else "")))
    except BaseException as error:  # noqa: BLE001 - SystemExit and the rest fail the test, not the harness
        report.send(event="test", line=statement.lineno, source=text, passed=False, error=cut(describe(error)))


def main():
    report = private_report()
    source = read(TESTS)
    try:
        tree = ast.parse(source, TESTS)
    except SyntaxError as error:
        report.send(event="tests-unreadable", error=cut("line %s: %s" % (error.lineno, error.msg)))
        return
    report.send(event="tests", total=sum(isinstance(s, CHECKS) for s in tree.body))
    # Not "__main__": a reply's demo under `if __name__ == "__main__":` (often reading input) stays out of the tests.
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    try:
        exec(compile(read(SOLUTION), SOLUTION, "exec"), namespace)
    except SyntaxError as error:
        report.send(event="code-failed", error=cut("SyntaxError at line %s: %s" % (error.lineno, error.msg)))
        return
    except BaseException as error:  # noqa: BLE001
        report.send(event="code-failed", error=cut(describe(error)))
        return
    for statement in tree.body:
        if isinstance(statement, CHECKS):
            run_test(report, statement, source, namespace)
        else:
            try:
                run_statement(statement, namespace)
            except BaseException as error:  # noqa: BLE001
                report.send(event="setup-failed", line=statement.lineno, error=cut(describe(error)))
    report.send(event="done")


main()
