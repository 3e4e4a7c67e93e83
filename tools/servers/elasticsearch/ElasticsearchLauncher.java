package dev.jobcast.servers;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * Starts a real single-node Elasticsearch from the Maven Central jars on the classpath.
 *
 * The published jars carry no distribution (no bin/, modules/), so the HTTP and transport layers come from
 * Netty4Plugin registered as a classpath plugin — the only reason to subclass Node. Usage:
 * {@code java -cp 'lib/*:classes' dev.jobcast.servers.ElasticsearchLauncher elasticsearch.yml}
 */
public final class ElasticsearchLauncher {
  private static final class ClasspathPluginNode extends Node {
    ClasspathPluginNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "jobcast"),
          List.of(Netty4Plugin.class),
          true);
    }
  }

  private ElasticsearchLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ElasticsearchLauncher <settings.yml>");
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
    System.out.println("jobcast: elasticsearch node started");
    stopped.await();
  }
}
