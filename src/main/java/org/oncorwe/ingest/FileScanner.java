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

    /**
     * A file opened for pulling its records one by one; {@link #finish} (after the last record)
     * closes it and returns its stats.
     */
    public static final class Stream implements java.util.Iterator<RawRecord> {
        private final String path;
        private final MessageDigest digest;
        private final InputStream in;
        private final RawRecordReader reader;
        private long records;
        private long undecodable;

        private Stream(String path, MessageDigest digest, InputStream in, RawRecordReader reader) {
            this.path = path;
            this.digest = digest;
            this.in = in;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            return reader.hasNext();
        }

        @Override
        public RawRecord next() {
            RawRecord r = reader.next();
            records++;
            if (r.defect() == RawRecord.Defect.INVALID_ENCODING) {
                undecodable++;
            }
            return r;
        }

        /** Closes the file; its record count, sha256 of every byte and undecodable count. */
        public FileStats finish() {
            try (InputStream closing = in; RawRecordReader r = reader) {
                closing.transferTo(java.io.OutputStream.nullOutputStream()); // trailing bytes count in the checksum
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            return new FileStats(path, records, HexFormat.of().formatHex(digest.digest()), undecodable);
        }
    }

    public static Stream open(Path extract, String path, Charset charset, int maxLinesPerRecord, int maxFieldLength) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            InputStream in = new DigestInputStream(Files.newInputStream(extract.resolve(path)), digest);
            return new Stream(path, digest, in, new RawRecordReader(in, charset, maxLinesPerRecord, maxFieldLength));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static FileStats scan(Path extract, String path, Charset charset, int maxLinesPerRecord, int maxFieldLength,
                                 Consumer<RawRecord> records) {
        Stream s = open(extract, path, charset, maxLinesPerRecord, maxFieldLength);
        while (s.hasNext()) {
            records.accept(s.next());
        }
        return s.finish();
    }
}
