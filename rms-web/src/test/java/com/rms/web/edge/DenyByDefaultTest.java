package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every REST operation of the build declares who may call it; the filter denies any that does not. */
class DenyByDefaultTest {

    @Test
    void everyResourceMethodDeclaresItsRoles() throws Exception {
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (Class<?> type : resourceClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (isOperation(method)) {
                    operations++;
                    if (!DenyByDefault.declaresAccess(method, type)) {
                        undeclared.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertTrue(operations >= 15, "the scan found the API's operations: " + operations);
        assertEquals(List.of(), undeclared);
    }

    @Test
    void aMethodWithoutRolesIsSeenAsUndeclared() throws Exception {
        class Forgotten {
            @GET
            public String open() {
                return "";
            }

            @GET
            @RolesAllowed("OWNER")
            public String guarded() {
                return "";
            }
        }
        assertFalse(DenyByDefault.declaresAccess(Forgotten.class.getMethod("open"), Forgotten.class));
        assertTrue(DenyByDefault.declaresAccess(Forgotten.class.getMethod("guarded"), Forgotten.class));
    }

    private static boolean isOperation(Method m) {
        return m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                || m.isAnnotationPresent(DELETE.class);
    }

    static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, DenyByDefaultTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
