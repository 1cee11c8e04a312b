package org.oncorwe.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** Java serialization there and back, as Spark ships a task closure's objects to an executor. */
public final class JavaSerialization {

    private JavaSerialization() {
    }

    /** {@code value} written with {@link ObjectOutputStream} and read back: a copy, as an executor gets it. */
    @SuppressWarnings("unchecked")
    public static <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
