package org.maprule.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * POSIX signal handlers for {@code maprule serve} ({@code SIGTERM}/{@code SIGINT}: drain and exit,
 * {@code SIGHUP}: reload), through {@code sun.misc.Signal} of the {@code jdk.unsupported} module —
 * the one way a Java 17 program can handle a signal. It is reached reflectively, so that a JVM
 * without it (or one that refuses a signal, such as {@code SIGHUP} under {@code -Xrs} or on
 * Windows) degrades to {@link Handle#installed() not installed} with a reason instead of failing:
 * the JVM's own behaviour then stays (for {@code SIGTERM}: shutdown hooks run).
 */
public final class Signals {
  private Signals() {}

  /** An installed (or refused) handler; {@link #close()} puts the previous handler back. */
  public static final class Handle implements AutoCloseable {
    private final Object signal;
    private final Object previous;
    private final String problem;

    private Handle(Object signal, Object previous, String problem) {
      this.signal = signal;
      this.previous = previous;
      this.problem = problem;
    }

    /** Whether the handler is installed. */
    public boolean installed() {
      return problem == null;
    }

    /** Why the handler is not installed, one sentence; null when it is. */
    public String problem() {
      return problem;
    }

    /** Restores the handler that was installed before; nothing when this one was refused. */
    @Override
    public void close() {
      if (problem == null) {
        try {
          Api.HANDLE.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // the JVM is shutting down or refuses: the handler stays, which is harmless
        }
      }
    }
  }

  /**
   * Runs {@code action} on the JVM's signal thread each time signal {@code name} arrives,
   * replacing the JVM's own handling of it (for {@code TERM} and {@code INT}: the JVM no longer
   * exits by itself; {@code action} must make it). {@code action} must return quickly.
   *
   * @param name the signal name without {@code SIG}, for example {@code HUP}, {@code TERM}
   * @param action what to do; exceptions it throws are printed to stderr, one line
   * @return the handle; {@link Handle#installed()} false, with a reason, when this JVM or
   *     platform cannot handle the signal
   */
  public static Handle on(String name, Runnable action) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    if (Api.problem != null) {
      return new Handle(null, null, Api.problem);
    }
    try {
      Object signal = Api.SIGNAL.newInstance(name);
      Object handler = Proxy.newProxyInstance(Api.HANDLER.getClassLoader(),
          new Class<?>[] {Api.HANDLER}, (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              try {
                action.run();
              } catch (RuntimeException e) {
                System.err.println("maprule: SIG" + name + " handler failed: " + e);
              }
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "maprule SIG" + name + " handler";
            };
          });
      Object previous = Api.HANDLE.invoke(null, signal, handler);
      return new Handle(signal, previous, null);
    } catch (InvocationTargetException e) {
      return new Handle(null, null, "SIG" + name + " cannot be handled here: "
          + e.getCause().getMessage());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new Handle(null, null, "SIG" + name + " cannot be handled here: " + e.getMessage());
    }
  }

  /** The reflective view of {@code sun.misc.Signal}, or why there is none. */
  private static final class Api {
    static final Constructor<?> SIGNAL;
    static final Class<?> HANDLER;
    static final Method HANDLE;
    static final String problem;

    static {
      Constructor<?> signal = null;
      Class<?> handler = null;
      Method handle = null;
      String why = null;
      try {
        Class<?> s = Class.forName("sun.misc.Signal");
        handler = Class.forName("sun.misc.SignalHandler");
        signal = s.getConstructor(String.class);
        handle = s.getMethod("handle", s, handler);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        why = "this JVM has no sun.misc.Signal (module jdk.unsupported): signals keep the JVM's "
            + "default behaviour";
      }
      SIGNAL = signal;
      HANDLER = handler;
      HANDLE = handle;
      problem = why;
    }
  }
}
