"""Draw the app's icon (resources/icons/app.png and app.ico) with Pillow and the bundled Sarabun.

    python3 scripts/windows/make_icon.py

The accent blue of the style sheet, a rounded square, the Thai digit one (๑: one quality school
per district) in white Sarabun Bold with a small tick. Run again only to change the drawing; the
files are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "icons"
BLUE, WHITE, GOLD = (21, 101, 192, 255), (255, 255, 255, 255), (255, 193, 7, 255)
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=48, fill=BLUE)
    font = ImageFont.truetype(str(ROOT / "fonts" / "Sarabun-Bold.ttf"), 230)
    left, top, right, bottom = pen.textbbox((0, 0), "๑", font=font)  # the glyph's ink, centred
    pen.text(((SIZE - (right - left)) / 2 - left - 10, (SIZE - (bottom - top)) / 2 - top - 10), "๑", font=font,
             fill=WHITE)
    pen.line([(168, 200), (190, 222), (232, 170)], fill=BLUE, width=34, joint="curve")
    pen.line([(168, 200), (190, 222), (232, 170)], fill=GOLD, width=18, joint="curve")
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "app.png")
    icon.save(OUT / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")
