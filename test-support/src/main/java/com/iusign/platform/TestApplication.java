package com.iusign.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boot configuration of the application module tests outside app: Spring Modulith looks for a
 * {@code @SpringBootApplication} in the base package, and the library modules have none of their
 * own. One class for all of them, on their test classpath through this artifact.
 */
@SpringBootApplication
public class TestApplication {
}
