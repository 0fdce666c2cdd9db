package cn.tierup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TierupApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierupApplication.class, args);
    }
}
