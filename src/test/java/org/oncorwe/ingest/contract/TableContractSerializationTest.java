package org.oncorwe.ingest.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class TableContractSerializationTest {

    @Test
    void aDeserialisedTableIsTheContractsConstant() throws Exception {
        for (TableContract t : ExtractContract.TABLES) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(t);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertSame(t, in.readObject(), t.name());
            }
            // its name and the proxy's class descriptor, not its column list (every ingested row carries its table)
            assertTrue(bytes.size() < 200, t.name() + ": " + bytes.size() + " bytes");
        }
    }

    @Test
    void aTableOutsideTheContractTravelsWhole() throws Exception {
        TableContract own = new TableContract("own", false, ExtractContract.PATIENT.columns());
        assertEquals(own, org.oncorwe.testing.JavaSerialization.roundTrip(own));
    }

    @Test
    void tablesAreEqualByContentAndHashByName() {
        TableContract copy = new TableContract("patient", ExtractContract.PATIENT.requiredFile(), ExtractContract.PATIENT.columns());
        assertEquals(ExtractContract.PATIENT, copy);
        assertEquals(copy, ExtractContract.PATIENT);
        assertEquals(ExtractContract.PATIENT.hashCode(), copy.hashCode());
        assertNotEquals(ExtractContract.PATIENT, new TableContract("patient", false, ExtractContract.SURGERY.columns()));
        assertNotEquals(ExtractContract.PATIENT, new TableContract("other", ExtractContract.PATIENT.requiredFile(),
                ExtractContract.PATIENT.columns()));
    }
}
