package org.oncorwe.report;

import java.awt.Color;
import java.awt.Font;

/** The report's figure colours (the first curve is the reference level's) and fonts. */
final class Palette {

    private static final Color[] CURVES = {
        new Color(0x1f, 0x4e, 0x9a), new Color(0xc0, 0x39, 0x2b), new Color(0x2e, 0x8b, 0x57),
        new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x84, 0x00), new Color(0x55, 0x55, 0x55)};

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Palette() {
    }

    static Color curve(int i) {
        return CURVES[i % CURVES.length];
    }

    static Color band(int i) {
        Color c = curve(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 40);
    }
}
