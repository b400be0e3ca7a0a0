package com.iusign.platform.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeRoleGuardTests {

    private final JdbcClient runtime;
    private final Environment environment;

    RuntimeRoleGuardTests(JdbcClient runtime, Environment environment) {
        this.runtime = runtime;
        this.environment = environment;
    }

    @Test
    void theRuntimeRolePassesTheGuard() {
        assertThatCode(() -> new RuntimeRoleGuard(runtime).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void theGuardRefusesToRunAsTheRoleThatOwnsTheTables() {
        DriverManagerDataSource owner = new DriverManagerDataSource(
                environment.getProperty("spring.liquibase.url", environment.getProperty("spring.datasource.url")),
                environment.getProperty("spring.liquibase.user"),
                environment.getProperty("spring.liquibase.password", ""));

        assertThatIllegalStateException().isThrownBy(() -> new RuntimeRoleGuard(JdbcClient.create(owner)).afterPropertiesSet())
                .withMessageContaining("owns").withMessageContaining("table(s)").withMessageContaining("spring.liquibase.user");
    }

    @Test
    void theRuntimeRoleCannotCreateOrDropTables() {
        assertThatThrownBy(() -> runtime.sql("CREATE TABLE sneaky (id int)").update()).rootCause().hasMessageContaining("permission denied for schema public");
        assertThatThrownBy(() -> runtime.sql("DROP TABLE super_admin").update()).rootCause().hasMessageContaining("must be owner");
    }
}
