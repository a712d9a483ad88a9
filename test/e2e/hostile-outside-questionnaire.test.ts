/** The hostile-input corpus before consent and at the main menu (see test/support/hostile-suite.ts). */
import { hostileSuite } from "../support/hostile-suite.js";

hostileSuite(["before_consent", "main_menu"], 9600);
