package cn.yongkang.campaign.pipeline;

import org.springframework.stereotype.Component;

import cn.yongkang.campaign.ingest.RawRow;
import cn.yongkang.campaign.ingest.RowsAsRead;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.validate.FileValidation;

/**
 * Validates each file's rows while ingest reads them, so that a night reads its files
 * once and validate finds nothing left to do; a run that stops after ingest leaves its
 * files to the validate step. Stages do not call each other: this is where the pipeline
 * joins the two.
 */
@Component
class ValidationAsRead implements RowsAsRead {

	private final FileValidation validation;

	ValidationAsRead(FileValidation validation) {
		this.validation = validation;
	}

	@Override
	public FileRows open(RunParameters run, long fileId, String townshipCode) {
		if (run.stopsAt("ingest")) {
			return null;
		}
		FileValidation.Verdicts verdicts = this.validation.open(run, fileId, townshipCode);
		return new FileRows() {
			@Override
			public void accept(RawRow row) {
				verdicts.add(row.rowNumber(), row.values());
			}

			@Override
			public void finish() {
				verdicts.finish();
			}
		};
	}

}
