package cn.yongkang.campaign;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point: every command of the operator console runs through here (see
 * {@code operator}).
 */
@SpringBootApplication
public class CampaignPipelineApplication {

	public static void main(String[] args) {
		java.util.OptionalInt again = ProcessSetup.runWithUtf8FileNames();
		if (again.isPresent()) {
			System.exit(again.getAsInt());
		}
		ProcessSetup.privateTemporaryFolder();
		System.exit(cn.yongkang.campaign.operator.OperatorConsole.launch(CampaignPipelineApplication.class, args));
	}

}
