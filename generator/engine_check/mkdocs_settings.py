"""The project's settings through the engine itself: MkDocs' validation, each plugin and Markdown
extension the project names loaded as the engine would, Material's `theme.language`; each finding
with its key path in the project's mkdocs.yml. Cached by the merged settings, so the preview's
reloads do not pay for it again.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown

from ..load.engine_config import entry_name
from ..messages import say
from .engine_messages import in_french

Finding = tuple[tuple, str]  # (key path in the project's mkdocs.yml, French message)


def in_project(data: dict, path: tuple) -> tuple:
    """("plugins", name, …) -> ("plugins", index of that name in the project's list, name, …)."""
    if len(path) >= 2 and path[0] in ("plugins", "markdown_extensions"):
        for index, entry in enumerate(data.get(path[0]) or []):
            if entry_name(entry) == path[1]:
                return (path[0], index, *path[1:])
        return path[:1]
    return path


@lru_cache(maxsize=8)
def engine_findings(settings_json: str, plugins: tuple[str, ...],
                    extensions: tuple[str, ...]) -> tuple[Finding, ...]:
    settings = json.loads(settings_json)
    found: list[Finding] = []
    with tempfile.TemporaryDirectory() as tmp:
        found += _mkdocs(settings, Path(tmp), plugins)
    for name in extensions:
        entry = next(e for e in settings["markdown_extensions"] if entry_name(e) == name)
        found += _extension(name, entry[name] if isinstance(entry, dict) else None)
    found += _language(settings.get("theme", {}).get("language"))
    return tuple(found)


def _mkdocs(settings: dict, tmp: Path, plugins: tuple[str, ...]) -> list[Finding]:
    """MkDocs' validation: once for every key but plugins and extensions, then once per named plugin."""
    from mkdocs.config.defaults import MkDocsConfig  # the engine: loaded only when a project adds settings

    (tmp / "docs").mkdir()

    def validate(values: dict[str, Any], **overrides: Any) -> tuple[list, list]:
        for _, option in MkDocsConfig._schema:
            option.reset_warnings()  # MkDocs keeps an option's warnings after an error
        config = MkDocsConfig(config_file_path=str(tmp / "mkdocs.yml"))
        config.load_dict(copy.deepcopy({**values, "site_name": "bibnum", "docs_dir": str(tmp / "docs"),
                                        "site_dir": str(tmp / "site"), **overrides}))
        return config.validate()

    found: list[Finding] = []
    # MkDocs stops at the first key in error: validate again without it until none is left.
    values, errors, warnings = dict(settings), [], []
    for _ in range(len(settings) + 1):
        failed, warnings = validate(values, plugins=[], markdown_extensions=[])
        errors += failed
        if not failed:
            break
        for key, _ in failed:
            values.pop(key, None)
    known = [name for name, _ in MkDocsConfig._schema]
    for key, error in errors:
        found.append(((key,), say("engine.value", key=key, detail=in_french(str(error)))))
    for key, warning in warnings:
        if warning.startswith("Unrecognised configuration name"):
            close = difflib.get_close_matches(key, known, n=1)
            hint = say("engine.close", close=close[0]) if close else say("engine.spelling")
            found.append(((key,), say("engine.unknown_key", key=key, hint=hint)))
        else:
            found.append(((key,), say("engine.warning", key=key, detail=in_french(warning))))
    for name in plugins:
        entry = [e for e in settings["plugins"] if entry_name(e) == name]
        errors, warnings = validate(values, plugins=entry, markdown_extensions=[])
        kept = [w for option_name, option in MkDocsConfig._schema if option_name == "plugins" for w in option.warnings]
        for message in [*(e for k, e in errors if k == "plugins"), *(w for k, w in warnings if k == "plugins"), *kept]:
            found += [_plugin_finding(name, part) for part in re.split(r"\n(?=Plugin ')", str(message))]
    return list(dict.fromkeys(found))  # MkDocs' plugin option keeps its warnings from one run to the next


_OPTION = re.compile(r"^Plugin '([^']+)' option '([^']+)': (.*)$", re.S)


def _plugin_finding(name: str, message: str) -> Finding:
    if "plugin is not installed" in message:
        return (("plugins", name), say("engine.plugin_missing", name=name))
    option = _OPTION.match(message)
    if option:
        key, detail = option.group(2), option.group(3)
        if detail.startswith("Unrecognised configuration name"):
            return (("plugins", name, key), say("engine.plugin_option_unknown", key=key, name=name))
        return (("plugins", name, key), say("engine.plugin_option", key=key, name=name, detail=in_french(detail)))
    return (("plugins", name), say("engine.plugin_refused", name=name, detail=in_french(message)))


def _extension(name: str, options: dict | None) -> list[Finding]:
    """Load one Markdown extension as the engine does (Python-Markdown's registerExtensions)."""
    try:
        markdown.Markdown().registerExtensions((name,), {name: options or {}})
    except ImportError:
        return [(("markdown_extensions", name), say("engine.extension_missing", name=name))]
    except KeyError as exc:
        option = str(exc.args[0]) if exc.args else "?"
        return [(("markdown_extensions", name, option), say("engine.extension_option", option=option, name=name))]
    except Exception as exc:  # noqa: BLE001 - any refusal of the extension is the editor's to fix
        return [(("markdown_extensions", name), say("engine.extension_refused", name=name, kind=type(exc).__name__))]
    return []


def _language(language: Any) -> list[Finding]:
    """Material includes partials/languages/<language>.html: an unknown one fails every page."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    if language is None or (isinstance(language, str) and (folder / f"{language}.html").is_file()):
        return []
    return [(("theme", "language"), say("engine.language", language=language))]
