package cn.yilianti.referral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferralServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReferralServiceApplication.class, args);
  }
}
