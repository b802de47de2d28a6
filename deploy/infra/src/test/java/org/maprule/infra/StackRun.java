package org.maprule.infra;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of the stack under Pulumi's mocks (no Pulumi CLI, no cloud): every resource the
 * program registers is recorded with its inputs as the engine receives them (serialized, secrets
 * included) and its resource options; the mocks answer with the inputs plus the few outputs the
 * providers compute (ARNs, URLs, host names, identity IDs).
 */
final class StackRun {

  static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-0000000000aa";
  static final String LAMBDA_URL = "https://abcdefghijklmnop.lambda-url.ap-northeast-1.on.aws/";
  static final String LAMBDA_VERSION = "7";

  /**
   * A registered resource: type token, name, inputs as the engine receives them (secrets
   * unwrapped), the program's own args object and the resource options.
   */
  record Registered(String type, String name, Map<String, Object> inputs,
      com.pulumi.resources.ResourceArgs args, ResourceOptions options) {

    /** The program's args object, as its class. */
    <A> A args(Class<A> type) {
      return type.cast(args);
    }
  }

  final Map<String, Registered> byName = new LinkedHashMap<>();
  final TestResult result;
  final AtomicReference<MapruleStack> stack = new AtomicReference<>();
  final AtomicReference<RuntimeException> settingsError = new AtomicReference<>();

  private StackRun(Map<String, String> config, Consumer<Map<String, String>> tweak) {
    Map<String, String> cfg = new HashMap<>(config);
    cfg.putIfAbsent("awsJar", "adapter-aws.jar");
    tweak.accept(cfg);
    Map<String, ResourceOptions> options = new ConcurrentHashMap<>();
    Map<String, com.pulumi.resources.ResourceArgs> resourceArgs = new ConcurrentHashMap<>();
    ResourceTransformation capture = args -> {
      options.put(args.resource().pulumiResourceName(), args.options());
      if (args.args() != null) {
        resourceArgs.put(args.resource().pulumiResourceName(), args.args());
      }
      return Optional.empty();
    };
    Map<String, Registered> recorded = new ConcurrentHashMap<>();
    Mocks mocks = new Mocks() {
      @Override
      public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = computeOutputs(args.type, args.name, state);
        if (recorded.putIfAbsent(args.name, new Registered(args.type, args.name, args.inputs, null, null)) != null) {
          throw new AssertionError("two resources named " + args.name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
      }
    };
    try {
      result = PulumiTest.withMocks(mocks)
          .withOptions(TestOptions.builder().projectName("maprule").stackName("test")
              .resourceTransformations(List.of(capture)).build())
          .runTest(ctx -> {
            try {
              StackSettings settings = StackSettings.load("maprule", "test", k -> Optional.ofNullable(cfg.get(k)),
                  Output.ofSecret(cfg.getOrDefault("originVerifySecret", SECRET)), Path.of("."));
              stack.set(MapruleStack.define(ctx, settings));
            } catch (RuntimeException e) {
              settingsError.set(e);
            }
          });
    } finally {
      PulumiTest.cleanup();
    }
    List<String> names = new ArrayList<>(recorded.keySet());
    names.sort(null);
    for (String n : names) {
      Registered r = recorded.get(n);
      byName.put(n, new Registered(r.type(), n, r.inputs(), resourceArgs.get(n), options.get(n)));
    }
  }

  static StackRun of(Map<String, String> config) {
    return new StackRun(config, c -> {});
  }

  static StackRun defaults() {
    return of(Map.of());
  }

  /** The one registered resource of a type (by its generated class's token). */
  Registered one(Class<? extends Resource> type) {
    List<Registered> all = all(type);
    if (all.size() != 1) {
      throw new AssertionError("expected one " + typeOf(type) + ", got " + all.size() + ": " + byName.keySet());
    }
    return all.get(0);
  }

  List<Registered> all(Class<? extends Resource> type) {
    String token = typeOf(type);
    return byName.values().stream().filter(r -> r.type().equals(token)).toList();
  }

  Registered named(String name) {
    Registered r = byName.get(name);
    if (r == null) {
      throw new AssertionError("no resource " + name + " in " + byName.keySet());
    }
    return r;
  }

  /** Whether an output of the run is marked secret (kept encrypted in the Pulumi state). */
  static boolean isSecret(Output<?> output) {
    return com.pulumi.test.internal.PulumiTestInternal.extractOutputData(output).isSecret();
  }

  /** The resolved value of an output of the run. */
  static <T> T value(Output<T> output) {
    return com.pulumi.test.internal.PulumiTestInternal.extractOutputData(output).getValueNullable();
  }

  /** Fails unless the program ran without errors. */
  StackRun ok() {
    if (settingsError.get() != null) {
      throw new AssertionError("settings failed", settingsError.get());
    }
    if (!result.errors().isEmpty() || !result.exceptions().isEmpty()) {
      throw new AssertionError("stack failed: " + result.errors() + " " + result.exceptions());
    }
    return this;
  }

  static String typeOf(Class<? extends Resource> type) {
    ResourceType annotation = type.getAnnotation(ResourceType.class);
    if (annotation == null) {
      throw new IllegalArgumentException(type + " has no @ResourceType");
    }
    return annotation.type();
  }

  /** Fills in what the providers would compute; returns the resource ID. */
  private static String computeOutputs(String type, String name, Map<String, Object> state) {
    String arnBase = "arn:aws:" + type.split(":")[1].split("/")[0] + ":ap-northeast-1:123456789012:";
    switch (type) {
      case "aws:lambda/function:Function" -> {
        state.put("arn", arnBase + "function:" + state.get("name"));
        state.put("version", LAMBDA_VERSION);
      }
      case "aws:lambda/alias:Alias" -> state.put("arn", arnBase + "function:x:" + state.get("name"));
      case "aws:lambda/functionUrl:FunctionUrl" -> state.put("functionUrl", LAMBDA_URL);
      case "aws:iam/role:Role" -> {
        state.put("name", name);
        state.put("arn", "arn:aws:iam::123456789012:role/" + name);
      }
      case "aws:cloudfront/distribution:Distribution" -> {
        state.put("arn", "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE");
        state.put("domainName", "d111111abcdef8.cloudfront.net");
        return "E2EXAMPLE";
      }
      case "aws:cloudfront/keyValueStore:KeyValueStore" ->
          state.put("arn", "arn:aws:cloudfront::123456789012:key-value-store/kvs-" + name);
      case "aws:cloudfront/function:Function" ->
          state.put("arn", "arn:aws:cloudfront::123456789012:function/" + state.get("name"));
      default -> {
        // Azure: ARM IDs and the names the provider reports.
        if (type.startsWith("azure-native:")) {
          return azure(type, name, state);
        }
        state.putIfAbsent("arn", arnBase + name);
      }
    }
    return name + "-id";
  }

  private static String azure(String type, String name, Map<String, Object> state) {
    String group = SUBSCRIPTION + "/resourceGroups/maprule-test";
    String resourceName = switch (type) {
      case "azure-native:resources:ResourceGroup" -> (String) state.get("resourceGroupName");
      case "azure-native:storage:StorageAccount", "azure-native:storage:BlobContainer" ->
          (String) state.getOrDefault("containerName", state.get("accountName"));
      case "azure-native:keyvault:Vault" -> (String) state.get("vaultName");
      case "azure-native:keyvault:Secret" -> (String) state.get("secretName");
      case "azure-native:operationalinsights:Workspace" -> (String) state.get("workspaceName");
      case "azure-native:applicationinsights:Component",
          "azure-native:managedidentity:UserAssignedIdentity" -> (String) state.get("resourceName");
      case "azure-native:authorization:RoleAssignment" -> (String) state.get("roleAssignmentName");
      default -> (String) state.get("name");
    };
    state.put("name", resourceName);
    switch (type) {
      case "azure-native:web:WebApp" -> state.put("defaultHostName", resourceName + ".azurewebsites.net");
      case "azure-native:managedidentity:UserAssignedIdentity" -> {
        state.put("clientId", "11111111-1111-1111-1111-111111111111");
        state.put("principalId", "22222222-2222-2222-2222-222222222222");
        state.put("tenantId", "33333333-3333-3333-3333-333333333333");
      }
      case "azure-native:applicationinsights:Component" ->
          state.put("connectionString", "InstrumentationKey=44444444-4444-4444-4444-444444444444");
      default -> { }
    }
    if (type.equals("azure-native:resources:ResourceGroup")) {
      return group;
    }
    return group + "/providers/" + type.substring("azure-native:".length()) + "/" + resourceName;
  }
}
