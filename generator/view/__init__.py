"""The site view and the URL rules: what one site shows of the network, and where each page lives.

Low layer: it reads the validated models only, and every generation package (pages, outputs, search,
linkcheck) reads it.
"""
