"""Providers' usage reports read into data/usage/ (`bibnum usage import`).

Pure functions: `formats` tells a file's format and reads it with `counter_json`,
`counter_table` or `simple_csv` into a `Report` (items and their monthly counts);
`mapping` gives each item its resource from the resources' `usage:` blocks; `merge`
lays the months over what data/usage/ holds; `usage_text` writes a resource's file.
Reading the files and writing data/usage/ is generator/usage_command.py's job.

Why our own parser: the COUNTER libraries for Python either stop at COUNTER 4 and read R5 only
through SUSHI into COUNTER 4 tables (pycounter, last release 2020), or read R5/R5.1 JSON only
(celus-nigiri) or tables through a generic engine that pins its own pydantic (celus-nibbler,
pydantic~=2.10, nltk, openpyxl). The six reports we read are small, fully specified shapes.
"""
