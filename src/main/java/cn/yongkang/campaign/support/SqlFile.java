package cn.yongkang.campaign.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's SQL kept in a {@code .sql} resource beside it: statements separated by a
 * semicolon at the end of a line, run in file order. Comments starting with {@code --}
 * are kept in the text.
 */
public final class SqlFile {

	private SqlFile() {
	}

	/**
	 * The statements of a resource in which {@code {name}} stands for a subquery kept in
	 * its own resource {@code name.sql}, because several statements (of several stages)
	 * share it.
	 * @param fragmentResources the subqueries' resources, e.g.
	 * {@code statistics/counted_hazards.sql} for {@code {counted_hazards}}
	 */
	public static List<String> statements(String classpathResource, String... fragmentResources) {
		String text = text(classpathResource);
		for (String fragmentResource : fragmentResources) {
			String fragment = text(fragmentResource).strip();
			if (fragment.contains(";")) {
				throw new IllegalStateException(fragmentResource + " must hold one subquery, without a semicolon");
			}
			String name = fragmentResource.substring(fragmentResource.lastIndexOf('/') + 1).replace(".sql", "");
			text = text.replace("{" + name + "}", fragment);
		}
		return split(text);
	}

	private static String text(String classpathResource) {
		try (InputStream in = SqlFile.class.getClassLoader().getResourceAsStream(classpathResource)) {
			if (in == null) {
				throw new IllegalStateException("SQL resource " + classpathResource + " is missing from the build");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> split(String text) {
		List<String> statements = new ArrayList<>();
		for (String part : text.split(";\\s*(\\r?\\n|$)")) {
			if (!part.lines().allMatch((line) -> line.isBlank() || line.strip().startsWith("--"))) {
				statements.add(part.strip());
			}
		}
		return List.copyOf(statements);
	}

	/** The statement's first word after its comments, upper case: INSERT, DELETE, ... */
	public static String verb(String statement) {
		return statement.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("--"))
			.findFirst()
			.map((line) -> line.split("\\s+")[0].toUpperCase(java.util.Locale.ROOT))
			.orElse("");
	}

}
