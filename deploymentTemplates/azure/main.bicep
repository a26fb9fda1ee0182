// ReflectBot on Azure: a Linux App Service (.NET 10, or the container image) behind an Azure Bot with the Teams and
// Direct Line channels (the web chat page); all state in one Storage account reached with a user-assigned managed
// identity (no keys); every secret in Key Vault, read through Key Vault references the identity may resolve; logs,
// metrics and alerts in Log Analytics and Application Insights.
//
// It can be run again at any time and converges: every name is derived, every role is assigned here, and every
// setting the app reads is set here (a parameter or derived), because App Service replaces the whole settings set
// on each run. Random secrets (the journal key and others) are created once by scripts/deploy-infra.sh and never
// by this template, which cannot say "only if missing" and must never overwrite the key that opens every journal.
//
// Build the ARM JSON beside it with: bicep build main.bicep --outfile main.json (a test checks they match).
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Types: what the parameter files may say, checked by ARM before anything is created.
// ---------------------------------------------------------------------------------------------------------------

@description('App Service plan: its tier decides the instance count it allows, and whether a staging slot exists. Every tier here runs alwaysOn.')
@discriminator('kind')
type planType = basicPlan | standardPlan | premiumPlan | premiumZoneRedundantPlan

@sealed()
type basicPlan = {
  @description('Basic: up to 3 instances, no deployment slots.')
  kind: 'basic'
  sku: 'B1' | 'B2' | 'B3'
  @minValue(1)
  @maxValue(3)
  instanceCount: int
}

@sealed()
type standardPlan = {
  @description('Standard: up to 10 instances and a staging slot.')
  kind: 'standard'
  sku: 'S1' | 'S2' | 'S3'
  @minValue(1)
  @maxValue(10)
  instanceCount: int
  stagingSlot: bool
}

@sealed()
type premiumPlan = {
  @description('Premium v3: up to 30 instances and a staging slot.')
  kind: 'premium'
  sku: 'P0v3' | 'P1v3' | 'P2v3' | 'P3v3'
  @minValue(1)
  @maxValue(30)
  instanceCount: int
  stagingSlot: bool
}

@sealed()
type premiumZoneRedundantPlan = {
  @description('Premium v3 spread over the region\'s availability zones: 3 instances at least (App Service enforces it), up to 30.')
  kind: 'premiumZoneRedundant'
  sku: 'P0v3' | 'P1v3' | 'P2v3' | 'P3v3'
  @minValue(3)
  @maxValue(30)
  instanceCount: int
  stagingSlot: bool
}

@sealed()
type dataProtectionType = {
  @description('W, in days: point-in-time restore reaches W days back; previous versions last W days after they were written; soft-deleted blobs and containers W + 1 days. "Delete my data" then promises everything is gone within 2W + 3 days (versioning on) or W + 1 (off).')
  @minValue(1)
  @maxValue(30)
  recoveryWindowDays: int
  @description('Keep the version a write or delete replaces (deleted by a lifecycle rule after the window).')
  versioning: bool
  @description('Point-in-time restore of containers (needs versioning; turns on the change feed).')
  pointInTimeRestore: bool
  @description('A CanNotDelete lock on the storage account.')
  deleteLock: bool
}

@sealed()
type existingVaultType = {
  @description('An existing vault with Azure RBAC authorization (not access policies).')
  name: string
  resourceGroup: string
}

// Operator-tunable app behaviour. Each value left out takes the app's own default, which is written out here
// (appDefaults) so the deployed configuration says what it is; a test checks these defaults match the app's.
@sealed()
type policyType = {
  journal: {
    exportLinkLifetime: string?
  }?
  safety: {
    storageWait: string?
    modelEnabled: bool?
    modelWait: string?
    repeatWindow: string?
  }?
  clinic: {
    codeLifetime: string?
    wrongCodeLimit: int?
    wrongCodeWindow: string?
    globalWrongCodeLimit: int?
    quietHoursStart: string?
    quietHoursEnd: string?
    missedAfter: string?
    lookback: string?
    moodWindowDays: int?
    summaryLead: string?
    schedulerEnabled: bool?
    schedulerInterval: string?
    schedulerClaimTimeout: string?
    schedulerLeaseDuration: string?
  }?
  connectorRetry: {
    maxRetries: int?
    baseDelay: string?
    maxDelay: string?
  }?
  blobClient: {
    networkTimeout: string?
    maxRetries: int?
  }?
  webChat: {
    tokenRequestsPerMinute: int?
    identityLifetime: string?
    clinicianSignInLifetime: string?
    signInLinkLifetime: string?
  }?
  admin: {
    requestsPerMinute: int?
  }?
  health: {
    readinessTimeout: string?
  }?
}

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

@description('Short lowercase name the resource names are made from (3-16 letters and digits). Names Azure needs unique everywhere get a suffix derived from the subscription, resource group and this name.')
@minLength(3)
@maxLength(16)
param baseName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('UserAssignedMSI (default: the bot authenticates as the managed identity; no secret) or SingleTenant (an existing app registration in this tenant, its client secret in the vault as bot-app-password).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param appId string = ''

@description('The App Service plan: tier, size, instance count (bounded per tier) and staging slot.')
param plan planType = {
  kind: 'basic'
  sku: 'B1'
  instanceCount: 1
}

@description('Storage redundancy: ZRS or better keeps journals through a zone failure (the scaled profile uses it).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Versioning, soft delete, point-in-time restore and the lock on the storage account.')
param dataProtection dataProtectionType = {
  recoveryWindowDays: 7
  versioning: true
  pointInTimeRestore: true
  deleteLock: true
}

@description('Empty: the template creates a vault. Otherwise an existing RBAC vault; the template grants the roles on it either way.')
param existingKeyVault existingVaultType?

@description('Versions of the journal-key secret that sealed earlier records (newest first), while rotating the key: each becomes Journal__PreviousKeys__N, a Key Vault reference to that exact version. Empty outside a rotation.')
param journalPreviousKeyVersions string[] = []

@description('Entra object ids that get Key Vault Secrets Officer on the vault: whoever runs scripts/deploy-infra.sh (it passes the signed-in user) and whoever reads the operator key.')
param operatorPrincipalIds string[] = []

@description('Set by scripts/deploy-infra.sh on every run: the account running it, which gets the same role as operatorPrincipalIds (so the parameters file keeps its own list).')
param deployerPrincipalId string = ''

@description('Entra object ids of the clinicians (Teams users who may create join codes and assign journeys). Empty: no clinicians.')
param clinicianAadObjectIds string[] = []

@description('Names of web chat clinicians (each signs in with a link from the clinician-link command): Clinic__ClinicianUserKeys__N = directline/NAME.')
param webChatClinicianNames string[] = []

@description('The web chat page at https://<app>/ through Azure Direct Line (enhanced authentication, the app\'s own origin only). Off: Teams only.')
param webChatPage bool = false

@description('Address ranges (CIDR) that may reach /admin/... ; empty: /admin answers 404 to everyone. The app checks the client address App Service\'s front end reports, and the operator key, and rate-limits per address.')
param adminAllowedAddressRanges string[] = []

@description('Networks (CIDR) whose X-Forwarded-For / X-Forwarded-Proto the app believes: the address App Service\'s front end connects from inside the app\'s container. Anything else that sends those headers is ignored (and logged once).')
param trustedProxyNetworks string[] = [
  '169.254.0.0/16'
]

@description('Storage reachable only through a private endpoint in a virtual network the web app integrates with.')
param privateStorage bool = false

@description('privateStorage only: address space of the virtual network (a /24 or larger).')
param vnetAddressPrefix string = '10.80.0.0/24'

@description('code: zip deploys of the published app on .NET 10 (scripts/deploy-app.sh). container: a registry, and the image built from the Dockerfile (scripts/deploy-app.sh --container).')
@allowed([
  'code'
  'container'
])
param runtime string = 'code'

@description('container only: the image tag the web app runs. scripts/deploy-infra.sh passes the tag running now, so an infrastructure run never changes the code.')
param containerImageTag string = 'initial'

@description('Azure Bot pricing tier: F0 (free, standard channels, which include Teams and Direct Line) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Days Log Analytics and Application Insights keep data.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('App Service HTTP logs to Log Analytics. Off by default: request paths include export-link tokens.')
param httpAccessLogs bool = false

@description('Blob read/write/delete logs to Log Analytics. Off by default: they name blobs, so user keys, for logRetentionDays.')
param storageAccessLogs bool = false

@description('Where alerts are mailed.')
param alertEmailAddresses string[] = []

@description('Operator-tunable behaviour; anything left out takes the app\'s default.')
param policy policyType = {}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

// One suffix for every name Azure requires unique beyond this resource group (storage, web app, bot, vault,
// registry): the same on every run of the same deployment, different for anyone else's.
var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var compact = toLower(replace(baseName, '-', ''))

var names = {
  identity: 'id-${baseName}'
  storage: 'st${take(compact, 9)}${suffix}'
  plan: 'plan-${baseName}'
  site: 'app-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
  vault: 'kv${take(compact, 9)}${suffix}'
  registry: 'cr${take(compact, 9)}${suffix}'
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  vnet: 'vnet-${baseName}'
  alerts: 'alert-${baseName}'
}

// The app's own origin: export links, and the only origin Direct Line trusts for the web chat page.
var appOrigin = 'https://${names.site}.azurewebsites.net'

var stagingSlot = plan.kind != 'basic' && plan.?stagingSlot == true

// ---------------------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    retentionDays: logRetentionDays
    principalId: identity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    sku: storageSku
    principalId: identity.properties.principalId
    recoveryWindowDays: dataProtection.recoveryWindowDays
    versioning: dataProtection.versioning
    pointInTimeRestore: dataProtection.pointInTimeRestore
    deleteLock: dataProtection.deleteLock
    privateOnly: privateStorage
    workspaceId: monitoring.outputs.workspaceId
    accessLogs: storageAccessLogs
  }
}

module network 'modules/network.bicep' = if (privateStorage) {
  name: 'network'
  params: {
    name: names.vnet
    location: location
    addressPrefix: vnetAddressPrefix
    storageAccountId: storage.outputs.id
  }
}

module vault 'modules/keyVault.bicep' = if (existingKeyVault == null) {
  name: 'keyVault'
  params: {
    name: names.vault
    location: location
    workspaceId: monitoring.outputs.workspaceId
  }
}

var vaultName = existingKeyVault.?name ?? names.vault
var vaultResourceGroup = existingKeyVault.?resourceGroup ?? resourceGroup().name

module registry 'modules/registry.bicep' = if (runtime == 'container') {
  name: 'registry'
  params: {
    name: names.registry
    location: location
    principalId: identity.properties.principalId
  }
}

var botAppId = appType == 'UserAssignedMSI' ? identity.properties.clientId : appId

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    sku: botSku
    appType: appType
    appId: botAppId
    // The tenant is the identity's own: a tenant that differs from it breaks bot authentication.
    tenantId: identity.properties.tenantId
    identityId: identity.id
    endpoint: '${appOrigin}/api/messages'
    appOrigin: appOrigin
    workspaceId: monitoring.outputs.workspaceId
  }
}

module vaultAccess 'modules/keyVaultAccess.bicep' = {
  name: 'keyVaultAccess'
  scope: resourceGroup(vaultResourceGroup)
  params: {
    vaultName: existingKeyVault == null ? vault!.outputs.name : vaultName
    appPrincipalId: identity.properties.principalId
    operatorPrincipalIds: union(operatorPrincipalIds, empty(deployerPrincipalId) ? [] : [deployerPrincipalId])
    directLineChannelId: webChatPage ? bot.outputs.directLineChannelId : ''
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App settings: every key the app reads, set or derived here (NOTES lists each with its source).
// ---------------------------------------------------------------------------------------------------------------

// Secrets are Key Vault references, never values. Every reference is built from vaultAccess's output, so the web
// module (and its settings) waits for the identity's role on the vault: references resolve on the first start. The trailing slash asks for the newest version (App Service
// re-reads it on restart, on a settings change, and daily); a version after it pins that version.
var vaultUri = vaultAccess.outputs.vaultUri
var secretNames = {
  journalKey: 'journal-key'
  operatorKey: 'safety-operator-key'
  signingKey: 'webchat-signing-key'
  directLine: 'directline-secret'
  botPassword: 'bot-app-password'
}
// The random secrets scripts/deploy-infra.sh creates when missing (and never replaces).
var randomSecrets = concat([secretNames.journalKey, secretNames.operatorKey], webChatPage ? [secretNames.signingKey] : [])

// The app's own defaults, written out (a test compares them with the options classes).
var appDefaults = {
  journal: {
    exportLinkLifetime: '00:15:00'
  }
  safety: {
    storageWait: '00:00:02'
    modelEnabled: true
    modelWait: '00:00:05'
    repeatWindow: '06:00:00'
  }
  clinic: {
    codeLifetime: '14.00:00:00'
    wrongCodeLimit: 5
    wrongCodeWindow: '00:15:00'
    globalWrongCodeLimit: 20
    quietHoursStart: '22:00'
    quietHoursEnd: '08:00'
    missedAfter: '1.00:00:00'
    lookback: '7.00:00:00'
    moodWindowDays: 60
    summaryLead: '1.00:00:00'
    schedulerEnabled: true
    schedulerInterval: '00:01:00'
    schedulerClaimTimeout: '00:05:00'
    schedulerLeaseDuration: '00:01:00'
  }
  connectorRetry: {
    maxRetries: 3
    baseDelay: '00:00:01'
    maxDelay: '00:00:20'
  }
  blobClient: {
    networkTimeout: '00:00:05'
    maxRetries: 2
  }
  webChat: {
    tokenRequestsPerMinute: 20
    identityLifetime: '365.00:00:00'
    clinicianSignInLifetime: '12:00:00'
    signInLinkLifetime: '00:15:00'
  }
  admin: {
    requestsPerMinute: 10
  }
  health: {
    readinessTimeout: '00:00:05'
  }
}

var journal = union(appDefaults.journal, policy.?journal ?? {})
var safety = union(appDefaults.safety, policy.?safety ?? {})
var clinic = union(appDefaults.clinic, policy.?clinic ?? {})
var connectorRetry = union(appDefaults.connectorRetry, policy.?connectorRetry ?? {})
var blobClient = union(appDefaults.blobClient, policy.?blobClient ?? {})
var webChat = union(appDefaults.webChat, policy.?webChat ?? {})
var admin = union(appDefaults.admin, policy.?admin ?? {})
var health = union(appDefaults.health, policy.?health ?? {})

// .NET configuration reads a list from app settings named Key__0, Key__1, ...
var clinicianSettings = toObject(range(0, length(clinicianAadObjectIds)), i => 'Clinic__ClinicianAadObjectIds__${i}', i => clinicianAadObjectIds[i])
var webChatClinicianSettings = toObject(range(0, length(webChatClinicianNames)), i => 'Clinic__ClinicianUserKeys__${i}', i => 'directline/${webChatClinicianNames[i]}')
var previousKeySettings = toObject(range(0, length(journalPreviousKeyVersions)), i => 'Journal__PreviousKeys__${i}', i => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.journalKey}/${journalPreviousKeyVersions[i]})')
var adminRangeSettings = toObject(range(0, length(adminAllowedAddressRanges)), i => 'Admin__AllowedNetworks__${i}', i => adminAllowedAddressRanges[i])
var proxySettings = toObject(range(0, length(trustedProxyNetworks)), i => 'Hosting__TrustedProxyNetworks__${i}', i => trustedProxyNetworks[i])

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    planName: names.plan
    siteName: names.site
    location: location
    sku: plan.sku
    instanceCount: plan.instanceCount
    zoneRedundant: plan.kind == 'premiumZoneRedundant'
    stagingSlot: stagingSlot
    identityId: identity.id
    identityClientId: identity.properties.clientId
    healthCheckPath: '/health/ready'
    linuxFxVersion: runtime == 'container' ? 'DOCKER|${registry!.outputs.loginServer}/reflectbot:${containerImageTag}' : 'DOTNETCORE|10.0'
    appSubnetId: privateStorage ? network!.outputs.appSubnetId : ''
    workspaceId: monitoring.outputs.workspaceId
    httpAccessLogs: httpAccessLogs
    appSettings: {
      // Bot Framework identity. The app always has an app id here: it never runs anonymous in Azure.
      MicrosoftAppType: appType
      MicrosoftAppId: botAppId
      MicrosoftAppPassword: appType == 'SingleTenant' ? '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.botPassword}/)' : ''
      MicrosoftAppTenantId: identity.properties.tenantId
      // Storage: blobs through the managed identity, in the containers the storage module created.
      Storage__Kind: 'Blob'
      Storage__Blob__AccountUri: storage.outputs.blobEndpoint
      Storage__Blob__ManagedIdentityClientId: identity.properties.clientId
      Storage__Blob__StateContainer: storage.outputs.containerNames.state
      Storage__Blob__Containers__journal: storage.outputs.containerNames.journal
      Storage__Blob__Containers__safety: storage.outputs.containerNames.safety
      Storage__Blob__Containers__references: storage.outputs.containerNames.references
      Storage__Blob__Containers__clinic: storage.outputs.containerNames.clinic
      Storage__Blob__NetworkTimeout: blobClient.networkTimeout
      Storage__Blob__MaxRetries: string(blobClient.maxRetries)
      // What "delete my data" promises, from the same numbers that configure the account's data protection.
      Storage__Blob__SoftDeleteRetentionDays: string(storage.outputs.deletedDataRecoverableDays)
      // The in-process copy of recently active users' state saves a read a turn when a person's next message comes
      // back to the same instance. With several instances and no affinity (the site has none, and the Bot Connector
      // keeps no cookie) most copies would be behind and each would cost a lost write first: off there.
      Storage__StateCache__Entries: plan.instanceCount > 1 ? '0' : '2000'
      Storage__StateCache__Idle: '00:10:00'
      AZURE_CLIENT_ID: identity.properties.clientId
      // Keys. An unresolved reference reaches the app as the literal @Microsoft.KeyVault(...) text, which the app
      // refuses at start-up, naming the setting (NOTES, app side).
      Journal__EncryptionKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.journalKey}/)'
      Journal__ExportLinkLifetime: journal.exportLinkLifetime
      // Export links must point at the app's own HTTPS name, not whatever host a request came in on.
      Journal__PublicBaseUrl: appOrigin
      Safety__OperatorKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.operatorKey}/)'
      Safety__StorageWait: safety.storageWait
      Safety__ModelEnabled: string(safety.modelEnabled)
      Safety__ModelWait: safety.modelWait
      Safety__RepeatWindow: safety.repeatWindow
      Clinic__CodeLifetime: clinic.codeLifetime
      Clinic__WrongCodeLimit: string(clinic.wrongCodeLimit)
      Clinic__WrongCodeWindow: clinic.wrongCodeWindow
      Clinic__GlobalWrongCodeLimit: string(clinic.globalWrongCodeLimit)
      Clinic__QuietHoursStart: clinic.quietHoursStart
      Clinic__QuietHoursEnd: clinic.quietHoursEnd
      Clinic__MissedAfter: clinic.missedAfter
      Clinic__Lookback: clinic.lookback
      Clinic__MoodWindowDays: string(clinic.moodWindowDays)
      Clinic__SummaryLead: clinic.summaryLead
      Clinic__Scheduler__Enabled: string(clinic.schedulerEnabled)
      Clinic__Scheduler__Interval: clinic.schedulerInterval
      Clinic__Scheduler__ClaimTimeout: clinic.schedulerClaimTimeout
      Clinic__Scheduler__LeaseDuration: clinic.schedulerLeaseDuration
      ConnectorRetry__MaxRetries: string(connectorRetry.maxRetries)
      ConnectorRetry__BaseDelay: connectorRetry.baseDelay
      ConnectorRetry__MaxDelay: connectorRetry.maxDelay
      // In Azure the real Direct Line service serves Web Chat; the bot's local stand-in stays off. The page at /
      // exchanges the Direct Line secret for tokens bound to a user id the app chooses.
      DirectLine__Enabled: 'false'
      DirectLine__TokenRequestsPerMinute: string(webChat.tokenRequestsPerMinute)
      DirectLine__SigningKey: webChatPage ? '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.signingKey}/)' : ''
      WebChat__DirectLineSecret: webChatPage ? '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.directLine}/)' : ''
      WebChat__IdentityLifetime: webChat.identityLifetime
      WebChat__ClinicianSignInLifetime: webChat.clinicianSignInLifetime
      WebChat__SignInLinkLifetime: webChat.signInLinkLifetime
      // What teams-package (run from the SSH console or with these settings elsewhere) puts in the Teams app.
      Teams__AppId: botAppId
      Teams__Domain: '${names.site}.azurewebsites.net'
      // Forwarded headers are trusted only from Hosting__TrustedProxyNetworks__N (App Service's front end), by the
      // app itself. ASP.NET Core's switch would trust them from any peer, so it is pinned off.
      ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'false'
      // /admin/...: the address allow-list (Admin__AllowedNetworks__N) and a per-address rate limit.
      Admin__RequestsPerMinute: string(admin.requestsPerMinute)
      // /health/ready gives up on storage and the key ring after this long, well inside App Service's 1-minute probe.
      Health__ReadinessTimeout: health.readinessTimeout
      // Telemetry (issue 14): Application Insights accepts Entra-authenticated senders only.
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      Telemetry__AzureMonitorManagedIdentityClientId: identity.properties.clientId
      OTEL_SERVICE_NAME: 'reflectbot'
      // appsettings.json listens on localhost:3978 for local use; App Service sends traffic to 8080.
      Urls: 'http://+:8080'
      WEBSITES_PORT: '8080'
    }
    listSettings: union(clinicianSettings, webChatClinicianSettings, previousKeySettings, adminRangeSettings, proxySettings)
    // The staging slot runs the next release against the same storage before the swap: it must not deliver
    // clinic reminders with code nobody has swapped in yet. The setting stays with its slot across a swap.
    stagingOverrides: {
      Clinic__Scheduler__Enabled: 'false'
    }
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: names.alerts
    location: location
    siteId: web.outputs.id
    storageAccountId: storage.outputs.id
    appInsightsId: monitoring.outputs.appInsightsId
    emailAddresses: alertEmailAddresses
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs: what scripts/deploy-infra.sh and scripts/deploy-app.sh read (no secret is ever an output).
// ---------------------------------------------------------------------------------------------------------------

output webAppName string = names.site
output webAppHostName string = web.outputs.hostName
output stagingSlotName string = web.outputs.stagingSlotName
output messagingEndpoint string = '${appOrigin}/api/messages'
output botAppId string = botAppId
output botName string = bot.outputs.name
output storageAccountName string = storage.outputs.name
output deletedDataRecoverableDays int = storage.outputs.deletedDataRecoverableDays
output keyVaultName string = vaultName
output keyVaultResourceGroup string = vaultResourceGroup
output randomSecretNames string[] = randomSecrets
output singleTenantApp bool = appType == 'SingleTenant'
output runtime string = runtime
output containerRegistryServer string = runtime == 'container' ? registry!.outputs.loginServer : ''
output appInsightsName string = monitoring.outputs.appInsightsName
