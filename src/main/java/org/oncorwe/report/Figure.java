package org.oncorwe.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Something the report draws once and writes as PNG and SVG: a chart or a diagram. */
@FunctionalInterface
public interface Figure {

    void draw(Graphics2D g, Rectangle2D area);
}
