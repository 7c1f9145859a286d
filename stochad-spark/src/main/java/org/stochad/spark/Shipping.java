package org.stochad.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The driver-side check that a value can travel to the executors: serialises it with Java
 * serialisation before a job is submitted and, when that fails, names the class and the chain of
 * captured fields that led to it.
 */
final class Shipping {

    private Shipping() {
    }

    /**
     * @param role  what the value is, e.g. "program", for the message
     * @param value the value to ship
     * @throws IllegalArgumentException naming the unserialisable class and the field that holds it
     */
    static void check(String role, Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            String where = culprit(role, value, new IdentityHashMap<>());
            throw new IllegalArgumentException("cannot ship the " + role + " to the Spark executors: "
                    + (where != null ? where : "class " + e.getMessage() + " is not serializable")
                    + " (make it Serializable, mark the field transient, or name it by a Recipe)", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot ship the " + role + " to the Spark executors: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** @return "path (class) is not serializable" for the first unserialisable value under {@code o}, or null */
    private static String culprit(String path, Object o, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return null;
        }
        Class<?> c = o.getClass();
        if (!(o instanceof Serializable)) {
            return path + " (" + describe(c) + ") is not serializable";
        }
        if (c.isArray()) {
            if (c.getComponentType().isPrimitive()) {
                return null;
            }
            for (int i = 0; i < Array.getLength(o); i++) {
                String found = culprit(path + "[" + i + "]", Array.get(o, i), seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (o instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String found = culprit(path + "[" + i++ + "]", item, seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (o instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = culprit(path + "[" + e.getKey() + "]", e.getValue(), seen);
                if (found == null) {
                    found = culprit(path + " key " + e.getKey(), e.getKey(), seen);
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        SerializedLambda lambda = serializedLambda(o);
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                String found = culprit(path + " → captured value " + (i + 1) + " of a lambda in "
                        + lambda.getCapturingClass().replace('/', '.'), lambda.getCapturedArg(i), seen);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.getType().isPrimitive()) {
                    continue;
                }
                Object v;
                try {
                    f.setAccessible(true);
                    v = f.get(o);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue;
                }
                String found = culprit(path + "." + f.getName(), v, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static SerializedLambda serializedLambda(Object o) {
        if (!o.getClass().isSynthetic() && !o.getClass().getName().contains("$$Lambda")) {
            return null;
        }
        try {
            Method m = o.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            return m.invoke(o) instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Class<?> c) {
        String name = c.getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) {
            return "a lambda or method reference in " + name.substring(0, lambda)
                    + "; cast it to an intersection type (T & Serializable)";
        }
        return "class " + name;
    }
}
