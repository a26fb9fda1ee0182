// The Linux App Service plan and the web app running the bot (on .NET 10, or the image from the registry), and in
// the scaled profile a "staging" slot that scripts/deploy-app.sh deploys to and swaps, so a release never restarts
// the instances serving people.
//
// App settings are one Microsoft.Web/sites/config 'appsettings' resource, not siteConfig.appSettings. Either way
// App Service replaces the whole set on every deployment (it is one PUT of the complete list), so a setting added in
// the portal is gone after the next run. That is intended: main.bicep sets every setting the app reads, so nothing
// needs the portal. The separate resource lets the settings wait for the Key Vault role (main.bicep makes this
// module depend on it), so references resolve on the first start.
param planName string
param siteName string
param location string
param sku string
param instanceCount int
param zoneRedundant bool
param stagingSlot bool
@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string
@description('The bot\'s app settings (names use __ for the configuration section separator). Key Vault references and plain values only: no secret is ever a value here.')
param appSettings object
@description('Items of list settings (Key__0, Key__1, ...), built by the caller from its array parameters.')
param listSettings object = {}
@description('Settings that differ in the staging slot and stay with their slot across a swap.')
param stagingOverrides object = {}
@description('Readiness path App Service probes (storage and the key ring); liveness stays /health.')
param healthCheckPath string
@description('DOTNETCORE|10.0 for the code path, DOCKER|<registry>/<image>:<tag> for the container path.')
param linuxFxVersion string
@description('Empty, or the subnet the app integrates with (private storage).')
param appSubnetId string = ''
param workspaceId string
@description('Send App Service HTTP logs (every request path) to Log Analytics.')
param httpAccessLogs bool

var isContainer = startsWith(linuxFxVersion, 'DOCKER|')

// Settings for App Service itself, not the app: how fast a failing instance leaves the load balancer (3 failed
// probes, one a minute, instead of 10), and a swap waits for readiness, not just any answer on /.
var platformSettings = {
  WEBSITE_HEALTHCHECK_MAXPINGFAILURES: '3'
  WEBSITE_SWAP_WARMUP_PING_PATH: healthCheckPath
  WEBSITE_SWAP_WARMUP_PING_STATUSES: '200'
  // The zip holds the published app; nothing is built on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

// A container keeps nothing on /home (the code path's app lives there, so it keeps the platform's default).
var containerSettings = isContainer ? { WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false' } : {}

var settings = union(platformSettings, containerSettings, appSettings, listSettings)

var siteConfig = {
  linuxFxVersion: linuxFxVersion
  acrUseManagedIdentityCreds: isContainer
  acrUserManagedIdentityID: isContainer ? identityClientId : null
  alwaysOn: true
  healthCheckPath: healthCheckPath
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  http20Enabled: true
  remoteDebuggingEnabled: false
  vnetRouteAllEnabled: !empty(appSubnetId)
  // Path rules are beyond access restrictions; /admin is limited by the app itself (NOTES).
  ipSecurityRestrictionsDefaultAction: 'Allow'
  scmIpSecurityRestrictionsUseMain: false
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: isContainer ? 'app,linux,container' : 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: siteConfig
  }
}

resource settingsOfSite 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}

// Basic (user name and password) publishing is off: deployments sign in with Entra ID (az webapp deploy does).
resource noFtpPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource noScmPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource staging 'Microsoft.Web/sites/slots@2023-12-01' = if (stagingSlot) {
  parent: site
  name: 'staging'
  location: location
  kind: isContainer ? 'app,linux,container' : 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: siteConfig
  }
}

resource settingsOfStaging 'Microsoft.Web/sites/slots/config@2023-12-01' = if (stagingSlot) {
  parent: staging
  name: 'appsettings'
  properties: union(settings, stagingOverrides)
}

resource stagingNoFtpPassword 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: staging
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource stagingNoScmPassword 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2023-12-01' = if (stagingSlot) {
  parent: staging
  name: 'scm'
  properties: {
    allow: false
  }
}

// The overridden settings stay with their slot when the slots swap: production keeps production's values.
resource sticky 'Microsoft.Web/sites/config@2023-12-01' = if (stagingSlot) {
  parent: site
  name: 'slotConfigNames'
  properties: {
    appSettingNames: objectKeys(stagingOverrides)
  }
}

// HTTP logs carry every request path, and /journal/export/{token} holds a live download token for 15 minutes, so
// they are off unless asked for (NOTES).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [for category in ['AppServiceConsoleLogs', 'AppServiceAppLogs', 'AppServicePlatformLogs', 'AppServiceAuditLogs', 'AppServiceIPSecAuditLogs', 'AppServiceHTTPLogs']: {
      category: category
      enabled: category != 'AppServiceHTTPLogs' || httpAccessLogs
    }]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output hostName string = site.properties.defaultHostName
output stagingSlotName string = stagingSlot ? 'staging' : ''
