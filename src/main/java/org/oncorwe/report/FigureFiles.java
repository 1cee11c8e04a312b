package org.oncorwe.report;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a figure beside the report as {@code <name>.png} and {@code <name>.svg} (Batik's SVG
 * generator over a JDK DOM, so no Batik DOM is needed) and hands back the SVG as a data: URI
 * for the self-contained HTML. Drawing happens headless.
 */
public final class FigureFiles {

    private static final String SVG_NS = "http" + "://www.w3.org/2000/svg";

    private FigureFiles() {
    }

    /** Written figure: its two files and the inline form. */
    public record Written(Path png, Path svg, String dataUri) {
    }

    public static Written write(Figure figure, Path dir, String name, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            figure.draw(g, new Rectangle(0, 0, width, height));
            g.dispose();
            ImageIO.write(image, "png", png.toFile());

            String svgText = svg(figure, width, height);
            Path svg = dir.resolve(name + ".svg");
            Files.writeString(svg, svgText, StandardCharsets.UTF_8);
            String uri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svgText.getBytes(StandardCharsets.UTF_8));
            return new Written(png, svg, uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + name + " under " + dir, e);
        }
    }

    static String svg(Figure figure, int width, int height) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        figure.draw(g, new Rectangle(0, 0, width, height));
        StringWriter out = new StringWriter();
        g.stream(out, true);
        // no DOCTYPE: a reader that resolves the SVG 1.0 DTD would go online for it (the file must open offline)
        return out.toString().replaceFirst("(?s)<!DOCTYPE[^>]*>\\s*", "");
    }
}
