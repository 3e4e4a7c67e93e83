package dev.jobcast.servers;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts a real single-node OpenSearch 2.x from the Maven Central jars on the classpath.
 *
 * The published jars carry no distribution (no bin/, modules/), so the HTTP and transport layers come from
 * Netty4Plugin registered as a classpath plugin — the only reason to subclass Node. Usage:
 * {@code java -cp 'lib/*:classes' dev.jobcast.servers.OpenSearchLauncher opensearch.yml}
 */
public final class OpenSearchLauncher {
  private static final class ClasspathPluginNode extends Node {
    ClasspathPluginNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "jobcast"),
          List.of(Netty4Plugin.class),
          true);
    }
  }

  private OpenSearchLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: OpenSearchLauncher <settings.yml>");
      System.exit(2);
    }
    Settings settings = Settings.builder().loadFromPath(Path.of(args[0])).build();
    Node node = new ClasspathPluginNode(settings);
    // Keeps the JVM alive until SIGTERM/SIGINT; the hook closes the node so its data folder stays consistent.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }, "jobcast-shutdown"));
    node.start();
    System.out.println("jobcast: opensearch node started");
    stopped.await();
  }
}
