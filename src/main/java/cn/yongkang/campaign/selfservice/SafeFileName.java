package cn.yongkang.campaign.selfservice;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The name an uploaded file is stored under: the browser's name reduced to one plain file
 * name. Folders in it ({@code ../}, {@code C:\}, {@code /etc/}) are dropped, and so are
 * control and format characters (a right-to-left override can make {@code gpj.xlsx} look
 * like {@code xlsx.jpg}), characters Windows forbids, leading dots (a hidden file the
 * night ignores) and {@code ~$} (an Office lock file, also ignored); a Windows device
 * name (CON, NUL, COM1 ...) gets a prefix. The name can therefore only ever place the
 * file in its township's folder, and the night sees it.
 */
final class SafeFileName {

	static final String FALLBACK = "上传台账";

	/** Leaves room for a " (12)" counter under the common 255-byte limits. */
	static final int MAX_LENGTH = 80;

	private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
			"COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
			"LPT8", "LPT9", "CONIN$", "CONOUT$");

	/** Names the night's inbox scanner skips as system files. */
	private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

	private SafeFileName() {
	}

	static String of(String browserName) {
		String name = browserName == null ? "" : Normalizer.normalize(browserName, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints().filter(SafeFileName::allowed).forEach(kept::appendCodePoint);
		name = kept.toString().strip();
		while (name.startsWith(".") || name.startsWith("~$") || name.startsWith("~")) {
			name = name.substring(name.startsWith("~$") ? 2 : 1).strip();
		}
		while (name.endsWith(".") || name.endsWith(" ")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.isEmpty()) {
			return FALLBACK;
		}
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String extension = dot > 0 ? name.substring(dot) : "";
		String device = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
		if (WINDOWS_DEVICES.contains(device.strip().toUpperCase(Locale.ROOT))
				|| SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT))) {
			base = "_" + base;
		}
		if (extension.length() > 10) {
			base = base + extension;
			extension = "";
		}
		if (base.codePointCount(0, base.length()) + extension.length() > MAX_LENGTH) {
			base = base.substring(0, base.offsetByCodePoints(0, MAX_LENGTH - extension.length()));
		}
		return base + extension;
	}

	/** The name with a counter, for a second upload of the same name on one day. */
	static String numbered(String name, int number) {
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + " (" + number + ")" + name.substring(dot)
				: name + " (" + number + ")";
	}

	private static boolean allowed(int c) {
		int type = Character.getType(c);
		if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR) {
			return false;
		}
		return "<>:\"/\\|?*".indexOf(c) < 0;
	}

}
