#!/usr/bin/env python3
"""junit_summary.py FILE.xml: parses a JUnit XML report (so it must be
well-formed) and prints its suites and cases, one per line, for FileCheck."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
print(f"testsuites {root.get('name')}: tests={root.get('tests')} failures={root.get('failures')}")
for suite in root.iter("testsuite"):
    print(f"suite {suite.get('name')}: tests={suite.get('tests')} failures={suite.get('failures')}")
    for case in suite.iter("testcase"):
        failure = case.find("failure")
        what = failure.get("message") if failure is not None else "passed"
        print(f"  {case.get('name')} {case.get('classname')} line={case.get('line')}: {what}")
