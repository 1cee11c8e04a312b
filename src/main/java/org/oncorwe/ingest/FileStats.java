package org.oncorwe.ingest;

import java.io.Serializable;

/**
 * What reading one extract file counted: its CSV records (as the contract counts them, header
 * excluded), the sha256 of its raw bytes and how many records could not be decoded.
 */
public record FileStats(String path, long records, String sha256, long invalidEncoding) implements Serializable {
}
