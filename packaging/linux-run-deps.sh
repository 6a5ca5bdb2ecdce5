#!/usr/bin/env sh
# Qt's xcb window plugin needs a few X libraries that minimal Linux installs lack, and a CJK
# font so Chinese text shows. `make run` calls this: it installs them when it can (root with
# apt-get), and otherwise says exactly what to install. Tests never need it (offscreen).
set -u
[ "$(uname -s)" = "Linux" ] || exit 0
missing=""
for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
fc-list 2>/dev/null | grep -qi "cjk\|wqy\|noto sans sc" || missing="$missing CJK-font"
# PDFs embed TrueType outlines only (Noto CJK is OpenType/CFF): WenQuanYi Micro Hei is the
# TrueType CJK font reportlab can embed; without it PDFs use the non-embedded STSong-Light.
fc-list 2>/dev/null | grep -qi "wqy" || missing="$missing PDF-font"
[ -z "$missing" ] && exit 0
packages="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 fonts-noto-cjk fonts-wqy-microhei"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing what the window needs:$missing"
    apt-get install -y -qq $packages >/dev/null 2>&1 || {
        apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $packages >/dev/null 2>&1; }
    exit 0
fi
echo "ShopDesk's window needs:$missing"
echo "On Debian/Ubuntu:  sudo apt-get install $packages"
