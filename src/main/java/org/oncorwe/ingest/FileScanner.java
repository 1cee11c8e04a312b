package org.oncorwe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Reads one extract file once, as a stream: hands every record to a consumer and returns the
 * file's record count, sha256 and undecodable count. What one ingest task does per file part.
 */
public final class FileScanner {

    private FileScanner() {
    }

    public static FileStats scan(Path extract, String path, Charset charset, int maxLinesPerRecord, int maxFieldLength,
                                 Consumer<RawRecord> records) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long n = 0;
        long undecodable = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(extract.resolve(path)), digest);
             RawRecordReader reader = new RawRecordReader(in, charset, maxLinesPerRecord, maxFieldLength)) {
            while (reader.hasNext()) {
                RawRecord r = reader.next();
                n++;
                if (r.defect() == RawRecord.Defect.INVALID_ENCODING) {
                    undecodable++;
                }
                records.accept(r);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // trailing bytes still count in the checksum
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return new FileStats(path, n, HexFormat.of().formatHex(digest.digest()), undecodable);
    }
}
