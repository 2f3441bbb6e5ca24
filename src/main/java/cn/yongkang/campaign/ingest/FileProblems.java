package cn.yongkang.campaign.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/**
 * Quarantine reasons for whole files, in Chinese for the clerk: what is wrong, what to
 * do.
 */
final class FileProblems {

	static final String EMPTY = "文件为空（0字节）。请重新导出台账后上传";

	static final String CORRUPT = "文件已损坏，无法作为Excel表格打开。请在Excel或WPS中打开确认，另存为.xlsx后重新上传";

	static final String NOT_A_WORKBOOK = "文件不是Excel表格（可能是Word文档，或WPS等软件自己的格式）。请在Excel或WPS中打开台账，另存为.xlsx后重新上传";

	static final String ENCRYPTED = "文件设置了打开密码，无法读取。请取消密码后重新上传";

	static final String OLD_EXCEL = "文件是旧版Excel 5.0/95格式，无法读取。请在Excel或WPS中另存为.xlsx后重新上传";

	static final String HTML = "文件是网页（HTML）另存而成，并非真正的Excel表格。请在Excel或WPS中打开，另存为.xlsx后重新上传";

	static final String ZIP_BOMB = "文件解压后的大小异常（疑似压缩炸弹），已拒收。请重新导出台账后上传";

	static final String NOT_IN_TOWNSHIP_FOLDER = "文件未放在乡镇（街道）文件夹中，无法确定上传单位。请放入以本单位名称命名的文件夹后重新上传";

	private FileProblems() {
	}

	static String duplicate(Object inboxDate, String fileName) {
		return "与" + inboxDate + "已上传的“" + fileName + "”内容完全相同，未重复处理";
	}

	static String unsupported(String extension) {
		return "不支持的文件类型“" + extension + "”。请上传Excel（.xlsx、.xls）或CSV文件";
	}

	static String unknownFolder(String folder) {
		return "文件夹“" + folder + "”不是登记的乡镇（街道）名称或代码，无法确定上传单位。请以本单位名称命名文件夹后重新上传";
	}

	static UnreadableFileException fromIo(IOException ex) throws IOException {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("Zip bomb") || message.contains("zip bomb")) {
			return new UnreadableFileException(ZIP_BOMB, ex);
		}
		// A damaged deflate stream (ZipException "invalid literal/lengths set") or an
		// entry cut short (EOFException) is the file's fault, whatever the message.
		if (ex instanceof ZipException || ex instanceof EOFException || message.contains("EOF")
				|| message.contains("zip") || message.contains("Zip") || message.contains("corrupt")
				|| message.contains("Truncated")) {
			return new UnreadableFileException(CORRUPT, ex);
		}
		throw ex;
	}

}
