package com.iusign.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boot configuration for this Maven module's application module tests. */
@SpringBootApplication
public class TestApplication {
}
