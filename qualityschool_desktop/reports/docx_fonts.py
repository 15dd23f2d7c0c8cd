"""Fonts embedded in a Word document, so it looks the same where the font is not installed.

A .docx carries its fonts as obfuscated parts (``word/fonts/fontN.odttf``) named in the font
table with the key that undoes the obfuscation, and ``w:embedTrueTypeFonts`` in its settings
asks Word to keep them when the document is saved again (ECMA-376 Part 1, §17.8.1 and §17.8.3.3).
The obfuscation: the first 32 bytes of the font file XOR-ed with the 16 bytes of the key's GUID
read from its last hex pair to its first, twice over.

The app ships Sarabun (``fonts/``, SIL Open Font License 1.1, which allows embedding; the files'
OS/2 ``fsType`` is 0, installable embedding). Word honours embedded fonts; LibreOffice reads them
too (it installs them for the document's session).
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, Mapping

from .. import paths

__all__ = ["FACES", "OBFUSCATED_FONT", "embed_fonts", "obfuscate"]

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# The font table's element for each face, in the order the schema wants them (CT_Font).
FACES = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
_THAI_CHARSET = "DE"  # Windows' THAI_CHARSET (222): Word picks the font for Thai text
# Settings elements that the schema (CT_Settings) puts before w:embedTrueTypeFonts.
_SETTINGS_BEFORE = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                    "printFractionalCharacterWidth", "printFormsData")


def obfuscate(font: bytes, key: str) -> bytes:
    """``font`` (the bytes of a TrueType file) obfuscated with ``key`` (a GUID
    "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}"), as §17.8.1 says; the same call undoes it.
    Raises ValueError for a key that is not a GUID."""
    digits = bytes.fromhex(str(uuid.UUID(key)).replace("-", ""))[::-1]
    head = bytes(byte ^ digits[index % 16] for index, byte in enumerate(font[:32]))
    return head + font[32:]


def embed_fonts(document: Any, family: str, faces: Mapping[str, str]) -> None:
    """Embed ``faces`` (face element name of :data:`FACES` → a file name in the app's
    ``fonts/`` folder) in ``document`` (a python-docx Document) as ``family``: font parts, the
    font table's entry and the settings' ``w:embedTrueTypeFonts``. Raises OSError when a font
    file cannot be read."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.opc.oxml import serialize_part_xml

    table_part = document.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(table_part.blob)
    for old in table.findall(qn("w:font")):
        if old.get(qn("w:name")) == family:
            table.remove(old)
    entry = table.makeelement(qn("w:font"), {qn("w:name"): family})
    for tag, value in (("w:charset", _THAI_CHARSET), ("w:family", "auto"), ("w:pitch", "variable")):
        entry.append(entry.makeelement(qn(tag), {qn("w:val"): value}))
    existing = {str(part.partname) for part in document.part.package.iter_parts()}
    for face in FACES:
        if face not in faces:
            continue
        data = (paths.fonts_dir() / faces[face]).read_bytes()
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, hashlib.sha256(data).hexdigest())).upper() + "}"
        number = 1
        while f"/word/fonts/font{number}.odttf" in existing:
            number += 1
        name = f"/word/fonts/font{number}.odttf"
        existing.add(name)
        part = Part(PackURI(name), OBFUSCATED_FONT, obfuscate(data, key), document.part.package)
        rid = table_part.relate_to(part, RT.FONT)
        entry.append(entry.makeelement(qn(f"w:{face}"), {qn("r:id"): rid, qn("w:fontKey"): key}))
    table.append(entry)
    # python-docx keeps the font table as a plain part (its bytes); there is no setter for them.
    table_part._blob = serialize_part_xml(table)
    _ask_to_keep(document.settings.element)


def _ask_to_keep(settings: Any) -> None:
    """``w:embedTrueTypeFonts`` in its place in the settings, once."""
    from docx.oxml.ns import qn

    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    mark = settings.makeelement(qn("w:embedTrueTypeFonts"), {})
    before = [child for child in settings if child.tag in {qn(f"w:{name}") for name in _SETTINGS_BEFORE}]
    if before:
        before[-1].addnext(mark)
    else:
        settings.insert(0, mark)

