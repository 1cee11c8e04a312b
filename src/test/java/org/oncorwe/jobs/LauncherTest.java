package org.oncorwe.jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oncorwe.testing.Scripts;
import org.oncorwe.testing.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jobs/oncorwe and jobs/submit.sh on a copy of the repo's scripts in a temp folder, with an
 * injected Maven (MVN) and java (JAVA_HOME) that record their calls: the staleness decision,
 * the heap from config, the flags and the arguments, without rebuilding this tree.
 */
@Tag("unit")
class LauncherTest {

    private Path repo;
    private Path log;
    private Map<String, String> env;

    @BeforeEach
    void copyScripts() throws IOException {
        repo = TestPaths.emptyHome("launcher");
        log = repo.resolve("calls.log");
        Path jobs = Files.createDirectories(repo.resolve("jobs"));
        for (String script : List.of("oncorwe", "submit.sh", "lib.sh")) {
            Files.copy(TestPaths.home().resolve("jobs").resolve(script), jobs.resolve(script));
        }
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("src/main/java/org/oncorwe"));
        Files.writeString(repo.resolve("src/main/java/org/oncorwe/A.java"), "class A {}");
        Files.createDirectories(repo.resolve("conf"));
        Files.writeString(repo.resolve("conf/application.conf"), "");
        Path mvn = Scripts.writeExecutable(repo.resolve("tools/mvn"), """
                echo "mvn $*" >> "%s"
                mkdir -p target/classes/org/oncorwe
                echo fake > target/oncorwe.jar
                echo /spark/jars/spark-core.jar > target/classpath.txt
                echo "-Dflag.from.build=1 --add-opens=java.base/java.nio=ALL-UNNAMED" > target/classes/org/oncorwe/jvm-flags.txt
                """.formatted(log));
        Scripts.writeExecutable(repo.resolve("tools/jdk/bin/java"), """
                if [[ " $* " == *" config get runtime.driver_memory "* ]]; then
                  echo "config-get $*" >> "%1$s"
                  [[ " $* " == *" -D runtime.driver_memory=bad "* ]] && { echo "error: bad" >&2; exit 2; }
                  [[ " $* " == *"runtime.driver_memory=5g"* ]] && echo 5g || echo 3g
                  exit 0
                fi
                echo "java $*" >> "%1$s"
                """.formatted(log));
        Scripts.writeExecutable(repo.resolve("tools/jdk/bin/jar"), "echo \"jar $*\" >> \"" + log + "\"\n");
        env = Map.of("MVN", mvn.toString(), "JAVA_HOME", repo.resolve("tools/jdk").toString(),
                "PATH", "/usr/bin:/bin");
    }

    private List<String> launch(String script, String... args) throws IOException {
        Files.deleteIfExists(log);
        List<String> command = new java.util.ArrayList<>(List.of(repo.resolve("jobs").resolve(script).toString()));
        command.addAll(List.of(args));
        Scripts.Result r = Scripts.run(repo, env, command);
        assertEquals(0, r.exitCode(), r.err());
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static long count(List<String> calls, String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private void age(String relative, long secondsAgo) throws IOException {
        Files.setLastModifiedTime(repo.resolve(relative), FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void buildsWhenMissingAndNotWhenFresh() throws IOException {
        List<String> first = launch("oncorwe", "run");
        assertEquals(List.of("mvn -B -q -ntp -Dstyle.color=never -DskipTests package"),
                first.stream().filter(c -> c.startsWith("mvn")).toList());
        age("pom.xml", 100);
        age("src/main/java/org/oncorwe/A.java", 100);
        assertEquals(0, count(launch("oncorwe", "run"), "mvn"), "fresh jar: no build");
    }

    @Test
    void rebuildsWhenASourceFileIsNewerThanTheJar() throws IOException {
        launch("oncorwe", "run");
        age("pom.xml", 100);
        age("target/oncorwe.jar", 50);
        age("src/main/java/org/oncorwe/A.java", 10);
        assertEquals(1, count(launch("oncorwe", "run"), "mvn"));
    }

    @Test
    void rebuildsWhenPomIsNewerThanTheJar() throws IOException {
        launch("oncorwe", "run");
        age("src/main/java/org/oncorwe/A.java", 100);
        age("target/oncorwe.jar", 50);
        age("pom.xml", 10);
        assertEquals(1, count(launch("oncorwe", "run"), "mvn"));
    }

    @Test
    void rebuildsWhenTheClasspathFileIsMissing() throws IOException {
        launch("oncorwe", "run");
        age("pom.xml", 100);
        age("src/main/java/org/oncorwe/A.java", 100);
        Files.delete(repo.resolve("target/classpath.txt"));
        assertEquals(1, count(launch("oncorwe", "run"), "mvn"));
    }

    @Test
    void startsJavaWithFlagsHeapFromConfigAndTheArguments() throws IOException {
        List<String> calls = launch("oncorwe", "stats", "--config", "site.conf", "-D", "runtime.driver_memory=5g", "--study", "all");
        String configGet = calls.stream().filter(c -> c.startsWith("config-get")).findFirst().orElseThrow();
        assertTrue(configGet.endsWith("config get runtime.driver_memory --config site.conf -D runtime.driver_memory=5g"), configGet);
        String java = calls.stream().filter(c -> c.startsWith("java")).findFirst().orElseThrow();
        assertTrue(java.startsWith("java -Dflag.from.build=1 --add-opens=java.base/java.nio=ALL-UNNAMED "
                + "-Duser.timezone=UTC -Dfile.encoding=UTF-8 -Xmx5g -Doncorwe.home=" + repo), java);
        assertTrue(java.contains(" -cp " + repo.resolve("target/oncorwe.jar") + ":/spark/jars/spark-core.jar "), java);
        assertTrue(java.endsWith(" org.oncorwe.cli.Main stats --config site.conf -D runtime.driver_memory=5g --study all"), java);
    }

    @Test
    void badConfigIsLeftForTheCommandToReport() throws IOException {
        String java = launch("oncorwe", "run", "-D", "runtime.driver_memory=bad").stream()
                .filter(c -> c.startsWith("java")).findFirst().orElseThrow();
        assertTrue(java.contains(" -Xmx1g "), java);
    }

    @Test
    void submitUsesSparkSubmitFromTheResolvedJarsWithoutASparkInstall() throws IOException {
        List<String> calls = launch("submit.sh", "--master", "spark://127.0.0.1:7077", "--executor-memory", "1g",
                "--", "run", "--output", "/tmp/o");
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("jar --create --no-manifest --file "
                + repo.resolve("target/oncorwe-conf.zip") + " -C conf .")), calls.toString());
        String java = calls.stream().filter(c -> c.startsWith("java")).findFirst().orElseThrow();
        assertTrue(java.contains(" -Xmx3g "), java);
        assertTrue(java.contains(" -cp /spark/jars/spark-core.jar org.apache.spark.deploy.SparkSubmit --master "
                + "spark://127.0.0.1:7077 --class org.oncorwe.cli.Main "), java);
        assertTrue(java.contains("--conf spark.executor.extraJavaOptions=-Dflag.from.build=1 "), java);
        assertTrue(java.contains(" --archives " + repo.resolve("target/oncorwe-conf.zip") + "#conf "), java);
        assertTrue(java.endsWith(" --executor-memory 1g " + repo.resolve("target/oncorwe.jar") + " run --output /tmp/o"), java);
    }

    @Test
    void submitRedactsThePseudonymKeyAndKeepsALoopbackDriverOnLoopback() throws IOException {
        List<String> calls = launch("submit.sh", "--master", "spark://127.0.0.1:7077",
                "--conf", "spark.redaction.regex=(?i)mine", "--", "run");
        String java = calls.stream().filter(c -> c.startsWith("java")).findFirst().orElseThrow();
        assertTrue(java.contains(" --conf spark.redaction.regex=(?i)mine|pseudonym|ONCORWE_PSEUDONYM_KEY "), java);
        assertEquals(1, java.split("spark.redaction.regex=", -1).length - 1, "the user's regex is extended, not repeated");
        assertTrue(java.contains(" --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 "), java);

        String remote = launch("submit.sh", "--master", "spark://10.0.0.5:7077", "--", "run").stream()
                .filter(c -> c.startsWith("java")).findFirst().orElseThrow();
        assertTrue(remote.contains(" --conf spark.redaction.regex=(?i)secret|password|token|access[.]?key|pseudonym|ONCORWE_PSEUDONYM_KEY "), remote);
        assertTrue(!remote.contains("spark.driver.host"), "a real cluster's driver keeps its routable address");
    }

    @Test
    void submitRefusesThePseudonymKeyAsAPlainConf() throws IOException {
        for (String conf : List.of("spark.executorEnv.ONCORWE_PSEUDONYM_KEY=s3cret", "spark.yarn.appMasterEnv.ONCORWE_PSEUDONYM_KEY=s3cret")) {
            Scripts.Result r = Scripts.run(repo, env, List.of(repo.resolve("jobs/submit.sh").toString(), "--conf", conf, "--", "run"));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("error: do not pass ONCORWE_PSEUDONYM_KEY as a --conf"), r.err());
            assertTrue(!r.err().contains("s3cret"), "the refusal does not echo the value");
            assertTrue(!Files.exists(log), "nothing ran");
        }
        List<String> calls = launch("submit.sh", "--conf",
                "spark.kubernetes.driver.secretKeyRef.ONCORWE_PSEUDONYM_KEY=oncorwe-key:key", "--", "run");
        assertTrue(calls.stream().anyMatch(c -> c.contains(" --conf spark.kubernetes.driver.secretKeyRef.ONCORWE_PSEUDONYM_KEY=oncorwe-key:key ")));
    }

    @Test
    void submitPrefersARealSparkSubmitOnPath() throws IOException {
        Scripts.writeExecutable(repo.resolve("tools/spark/bin/spark-submit"), "echo \"spark-submit $*\" >> \"" + log + "\"\n");
        env = new java.util.HashMap<>(env);
        env.put("PATH", repo.resolve("tools/spark/bin") + ":/usr/bin:/bin");
        List<String> calls = launch("submit.sh", "--driver-memory", "2g", "--", "--help");
        String submit = calls.stream().filter(c -> c.startsWith("spark-submit")).findFirst().orElseThrow();
        assertTrue(submit.startsWith("spark-submit --master local[*] --class org.oncorwe.cli.Main "), submit);
        assertTrue(submit.endsWith(" --driver-memory 2g " + repo.resolve("target/oncorwe.jar") + " --help"), submit);
        assertEquals(0, count(calls, "config-get"), "--driver-memory given: config not consulted");
    }
}
