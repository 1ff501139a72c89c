/**
 * `npm run dev:oidc`: the tests' OpenID provider (oidc-provider, its development login page: any of the logins below,
 * any password) on http://127.0.0.1:8900, to try Cap Libre's sign-in and roles on one machine before asking the
 * identity team for a client (trial11 B6). Prints the command that starts Cap Libre against it. Never for real use.
 */
import { ACCOUNTS, CLIENT_ID, CLIENT_SECRET, startTestProvider } from "./oidc-provider.ts";

const port = Number(process.env.OIDC_DEV_PORT ?? 8900);
const appPort = Number(process.env.PORT ?? 3000);
const provider = await startTestProvider(port).catch((err: NodeJS.ErrnoException) => {
  console.error(
    err.code === "EADDRINUSE"
      ? `Le port ${port} est déjà pris : arrêtez l'autre fournisseur d'essai, ou choisissez-en un autre avec OIDC_DEV_PORT=8901.`
      : `Le fournisseur d'essai n'a pas pu démarrer : ${err.message}`,
  );
  process.exit(1);
});
provider.register([`http://localhost:${appPort}/auth/callback`, `http://127.0.0.1:${appPort}/auth/callback`]);
console.log(`Fournisseur d'identité d'essai : ${provider.issuer} (ne sert qu'aux essais sur ce poste)

Dans un autre terminal, lancez Cap Libre avec :
  PORT=${appPort} OIDC_ISSUER=${provider.issuer} OIDC_CLIENT_ID=${CLIENT_ID} OIDC_CLIENT_SECRET=${CLIENT_SECRET} \\
  OIDC_ROLES_CLAIM=groups OIDC_ROLES_PREFIX=cap-libre: npm start
puis ouvrez http://localhost:${appPort}/ et connectez-vous avec l'un de ces identifiants (n'importe quel mot de passe) ;
le courriel est celui que demandent les commandes de rôles (npm run cli -- workspace role <espace> <courriel> <rôle>) :
${Object.entries(ACCOUNTS)
  .map(([login, a]) => `  ${login} — ${a.name}, ${a.email}${a.groups ? ` (groupes : ${a.groups.join(", ")})` : ""}`)
  .join("\n")}
Ce fournisseur n'accepte que Cap Libre sur le port ${appPort}${process.env.PORT ? "" : " (par défaut)"} : si Cap Libre écoute sur un autre port,
relancez-le avec ce port, par exemple PORT=8080 npm run dev:oidc.
Arrêt : Ctrl+C.`);
const stop = () => provider.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
