package org.covenantvoices.console;

import java.util.Map;
import java.util.UUID;

import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports through the console (bad rows listed with their lines, dry run, then for real), the exports page's links,
 * and the audit log for administrators.
 */
class ImportsExportsAuditPagesTests extends IntegrationTest {

	@Test
	void aBadFileListsEveryBadRowAndADryRunKeepsNothing() throws Exception {
		String organiser = user("organiser-imports-page", "ORGANISER");
		WebSession web = WebSession.signedIn(base(), organiser, password(organiser));
		web.get("/imports");

		String bad = "question,text,represented_count,date\n" + "Q2,Good partnership needs shared budgets,3,2026-11-20\n"
				+ "Q7,A question that does not exist,1,2026-11-20\n" + "Q3,,1,2026-11-20\n";
		Page rejected = upload(web, "bad.csv", bad, "roundtable_note", false);
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.text()).contains("The file has 2 problems. Nothing was imported.", "Line 3, column question",
				"Line 4, column text");
		assertThat(rejected.body()).contains("govuk-error-summary", "href=\"#file\"", "id=\"file\"");

		String tag = UUID.randomUUID().toString().substring(0, 8);
		String good = "question,text,represented_count,date\n" + "Q2,Imports page " + tag
				+ " shared budgets help councils and charities,3,2026-11-20\n" + "general,Imports page " + tag
				+ " the room wanted plain English,12,2026-11-20\n";
		Page dry = upload(web, "good.csv", good, "roundtable_note", true);
		assertThat(dry.status()).isEqualTo(302);
		assertThat(web.follow(dry).text()).contains("The file has no problems", "Would be added 2");
		assertThat(count(tag)).isZero();

		web.get("/imports");
		Page done = upload(web, "good.csv", good, "roundtable_note", false);
		assertThat(web.follow(done).text()).contains("Import complete", "good.csv", "Added 2");
		assertThat(count(tag)).isEqualTo(2);

		web.get("/imports");
		Page noFile = web.post("/imports", Map.of());
		assertThat(noFile.text()).contains("Select a CSV file", "Select what kind of notes");
	}

	@Test
	void theExportsPageLinksEachFormatAndTheAuditLogIsForAdminsOnly() {
		String analyst = user("analyst-exports-page", "ANALYST");
		WebSession web = WebSession.signedIn(base(), analyst, password(analyst));
		Page exports = web.get("/exports?question=Q2&source=sms");
		assertThat(exports.status()).isEqualTo(200);
		assertThat(exports.body()).contains("/api/export/contributions.csv?questionId=Q2&amp;source=sms",
				"/api/export/contributions.jsonl?", "/api/export/consult.zip?", "/api/export/flow-results.zip?",
				"/api/export/summary.csv?");
		assertThat(exports.text()).contains("i.AI Consult", "Flow Results");
		assertThat(web.get("/api/export/summary.csv?questionId=Q2&source=sms").status()).isEqualTo(200);
		assertThat(web.get("/audit").status()).isEqualTo(403);

		WebSession admin = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD);
		Page audit = admin.get("/audit?actor=" + analyst + "&action=export.");
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.text()).contains("export.summary", analyst).doesNotContain("login.succeeded");
		assertThat(admin.get("/audit?page=x&action=nonsense").status()).isEqualTo(200);
	}

	private long count(String tag) {
		return jdbc.sql("SELECT count(*) FROM contributions WHERE text LIKE ?")
			.param("%" + tag + "%")
			.query(Long.class)
			.single();
	}

	/** A browser's file upload: multipart, with the session cookie and the form's CSRF token. */
	private Page upload(WebSession web, String fileName, String csv, String source, boolean dryRun) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("source", source);
		if (dryRun) {
			fields.put("dryRun", "yes");
		}
		return web.postMultipart("/imports", fields, "file", fileName, csv);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
