// ReflectBot on Azure: a Linux App Service (.NET 10) behind an Azure Bot with the Teams and Direct Line
// channels (the web chat page), all state in one Storage account reached with a user-assigned managed
// identity (no keys). The app always has an app id: it never runs anonymous here.
// Build the ARM JSON beside it with: bicep build main.bicep --outfile main.json (a test checks they match).
targetScope = 'resourceGroup'

@description('Short lowercase name the resource names are made from (3-16 letters and digits).')
@minLength(3)
@maxLength(16)
param baseName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('UserAssignedMSI (default: the bot authenticates as the managed identity; no secret) or SingleTenant (an existing app registration with a secret).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param appId string = ''

@description('SingleTenant only: the app registration\'s client secret.')
@secure()
param appPassword string = ''

@description('The Microsoft Entra tenant of the bot identity.')
param tenantId string = subscription().tenantId

@description('App Service plan SKU: B1 for a small practice; P1v3 or larger to scale out.')
param appServiceSku string = 'B1'

@description('Number of web app instances (2 or more for availability).')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Storage redundancy: Standard_LRS, or Standard_ZRS where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('The journal encryption key, as an app setting. Leave empty when journalKeyVaultSecretUri is set.')
@secure()
param journalEncryptionKey string = ''

@description('A Key Vault secret URI holding the journal encryption key (preferred); the identity needs "Key Vault Secrets User" on that vault.')
param journalKeyVaultSecretUri string = ''

@description('Entra object ids of the clinicians (Teams users who may create join codes and assign journeys). Empty: no clinicians.')
param clinicianAadObjectIds array = []

@description('The key an operator sends to GET /admin/safety-events, as an app setting. Leave empty when safetyOperatorKeyVaultSecretUri is set; with neither, the endpoint answers 404.')
@secure()
param safetyOperatorKey string = ''

@description('A Key Vault secret URI holding the safety operator key (preferred); the identity needs "Key Vault Secrets User" on that vault.')
param safetyOperatorKeyVaultSecretUri string = ''

@description('A Key Vault secret URI holding the secret of the bot\'s "ReflectBot page" Direct Line site (created by this template, enhanced authentication on). With webChatSigningKeyVaultSecretUri it turns on the web chat page at https://<app>/. Empty: no web chat page (Teams only).')
param directLineSecretKeyVaultSecretUri string = ''

@description('A Key Vault secret URI holding 32 random bytes, base64: it signs the web chat\'s identity cookie and clinician sign-in links, so people keep their user id across restarts and instances. Required with directLineSecretKeyVaultSecretUri.')
param webChatSigningKeyVaultSecretUri string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var names = {
  identity: 'id-${baseName}'
  storage: take('st${replace(baseName, '-', '')}${uniqueString(resourceGroup().id)}', 24)
  plan: 'plan-${baseName}'
  site: 'app-${baseName}-${uniqueString(resourceGroup().id)}'
  bot: 'bot-${baseName}'
}

// The app's own origin: export links, and the only origin Direct Line trusts for the web chat page.
var appOrigin = 'https://${names.site}.azurewebsites.net'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    sku: storageSku
    principalId: identity.properties.principalId
  }
}

// .NET configuration reads a list from app settings named Key__0, Key__1, ...
var clinicianSettings = toObject(range(0, length(clinicianAadObjectIds)), i => 'Clinic__ClinicianAadObjectIds__${i}', i => clinicianAadObjectIds[i])

var botAppId = appType == 'UserAssignedMSI' ? identity.properties.clientId : appId

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    planName: names.plan
    siteName: names.site
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    appSettings: {
      MicrosoftAppType: appType
      MicrosoftAppId: botAppId
      MicrosoftAppPassword: appType == 'SingleTenant' ? appPassword : ''
      MicrosoftAppTenantId: tenantId
      Storage__Kind: 'Blob'
      Storage__Blob__AccountUri: storage.outputs.blobEndpoint
      Storage__Blob__ManagedIdentityClientId: identity.properties.clientId
      AZURE_CLIENT_ID: identity.properties.clientId
      Journal__EncryptionKey: empty(journalKeyVaultSecretUri) ? journalEncryptionKey : '@Microsoft.KeyVault(SecretUri=${journalKeyVaultSecretUri})'
      Safety__OperatorKey: empty(safetyOperatorKeyVaultSecretUri) ? safetyOperatorKey : '@Microsoft.KeyVault(SecretUri=${safetyOperatorKeyVaultSecretUri})'
      // Export links must point at the app's own HTTPS name, not whatever host a request came in on.
      Journal__PublicBaseUrl: appOrigin
      // In Azure the real Direct Line service serves Web Chat; the bot's local stand-in stays off. The page
      // at / exchanges the Direct Line secret for tokens bound to a user id the app chooses.
      DirectLine__Enabled: 'false'
      WebChat__DirectLineSecret: empty(directLineSecretKeyVaultSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${directLineSecretKeyVaultSecretUri})'
      DirectLine__SigningKey: empty(webChatSigningKeyVaultSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${webChatSigningKeyVaultSecretUri})'
      Teams__Domain: '${names.site}.azurewebsites.net'
      ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
      // appsettings.json listens on localhost:3978 for local use; App Service sends traffic to 8080.
      Urls: 'http://+:8080'
      WEBSITES_PORT: '8080'
    }
    listSettings: clinicianSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    sku: botSku
    appType: appType
    appId: botAppId
    tenantId: tenantId
    identityId: identity.id
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    appOrigin: appOrigin
  }
}

output webAppName string = names.site
output messagingEndpoint string = 'https://${web.outputs.hostName}/api/messages'
output botAppId string = botAppId
output storageAccountName string = names.storage
