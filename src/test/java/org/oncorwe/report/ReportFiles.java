package org.oncorwe.report;

import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on a written report shared by the plain and the Spark tests. */
final class ReportFiles {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ReportFiles() {
    }

    /** Every figure file is a PNG ImageIO reads or an SVG an XML parser reads with root svg; returns their names. */
    static List<String> assertValidFigures(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no figure files in " + dir);
        for (Path f : files) {
            if (f.toString().endsWith(".png")) {
                assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(f), 8), f.toString());
                BufferedImage image = ImageIO.read(f.toFile());
                assertNotNull(image, f.toString());
                assertTrue(image.getWidth() > 100 && image.getHeight() > 100, f.toString());
                assertTrue(Files.exists(Path.of(f.toString().replaceAll("\\.png$", ".svg"))), "an SVG beside " + f);
            } else {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document doc = factory.newDocumentBuilder().parse(f.toFile());
                assertEquals("svg", doc.getDocumentElement().getLocalName(), f.toString());
            }
        }
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Opens offline: nothing fetched (no http(s), no link, no script), every src= a data: URI, every href= an anchor. */
    static void assertSelfContained(String html, List<String> figureFiles) {
        assertFalse(html.contains("http:"), "http: in the report");
        assertFalse(html.contains("https:"), "https: in the report");
        assertFalse(html.contains("<script"), "a script in the report");
        assertFalse(html.contains("<link"), "a link element in the report");
        assertFalse(html.contains("url("), "a CSS url() in the report");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/svg+xml;base64,"), "src= to a file: " + src.group(1).substring(0,
                    Math.min(60, src.group(1).length())));
            images++;
        }
        assertEquals(figureFiles.stream().filter(f -> f.endsWith(".png")).count(), images, "one inline image per figure");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "href to elsewhere: " + href.group(1));
        }
    }
}
